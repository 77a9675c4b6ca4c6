package io.quarkiverse.reactors.runtime.internal.reactor;

import java.util.Set;

import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;

/**
 * The Netty transport under Vert.x (NIO, epoll, io_uring, kqueue), and the check behind
 * {@code quarkus.reactors.require-transport}. Netty's native transport classes are optional: they are
 * touched only through the nested holders, and only when the build found them on the class path.
 */
public final class Transports {

    public static final String NIO = "nio";
    public static final String EPOLL = "epoll";
    public static final String IO_URING = "io_uring";
    public static final String KQUEUE = "kqueue";

    /** Netty's epoll entry point (netty-transport-classes-epoll). */
    public static final String EPOLL_CLASS = "io.netty.channel.epoll.Epoll";
    /** Netty's incubator io_uring entry point (netty-incubator-transport-classes-io_uring). */
    public static final String IO_URING_CLASS = "io.netty.incubator.channel.uring.IOUring";
    /** The Vert.x transport over it (vertx-io_uring-incubator), found by Vert.x through the ServiceLoader. */
    public static final String VERTX_IO_URING_CLASS = "io.vertx.uring.IOUringTransport";

    private Transports() {
    }

    /** @return the transport Vert.x runs on: {@code nio}, {@code epoll}, {@code io_uring}, {@code kqueue} */
    public static String active(Vertx vertx) {
        String type = ((VertxInternal) vertx).transport().getClass().getSimpleName();
        switch (type) {
            case "JDKTransport":
                return NIO;
            case "EpollTransport":
                return EPOLL;
            case "IOUringTransport":
                return IO_URING;
            case "KQueueTransport":
                return KQUEUE;
            default:
                return type;
        }
    }

    /**
     * @param required {@code epoll} or {@code io_uring}
     * @param active the transport Vert.x runs on
     * @param presentClasses which of the optional classes named here the build found
     * @param preferNative the value of {@code quarkus.vertx.prefer-native-transport}
     * @throws IllegalStateException saying why {@code required} is not active, with Netty's unavailability
     *         cause as message part and cause when Netty reports one
     */
    public static void require(String required, String active, Set<String> presentClasses, boolean preferNative) {
        if (required.equals(active)) {
            return;
        }
        Throwable cause = null;
        String why;
        boolean classesPresent = presentClasses.contains(required.equals(EPOLL) ? EPOLL_CLASS : IO_URING_CLASS);
        if (classesPresent) {
            cause = required.equals(EPOLL) ? EpollHolder.cause() : IoUringHolder.cause();
        }
        if (!classesPresent) {
            why = required.equals(EPOLL)
                    ? "Netty's epoll transport is not on the class path: add io.netty:netty-transport-native-epoll"
                            + " with the classifier of this platform (linux-x86_64 or linux-aarch_64)"
                    : "Netty's io_uring transport is not on the class path: add io.vertx:vertx-io_uring-incubator and"
                            + " io.netty.incubator:netty-incubator-transport-native-io_uring with the classifier of this"
                            + " platform (linux-x86_64 or linux-aarch_64)";
        } else if (cause != null) {
            why = "Netty reports it unavailable: " + cause;
        } else if (!preferNative) {
            why = "quarkus.vertx.prefer-native-transport is false, so Vert.x uses NIO: set it to true";
        } else if (required.equals(IO_URING) && !presentClasses.contains(VERTX_IO_URING_CLASS)) {
            why = "Vert.x has no io_uring transport: add io.vertx:vertx-io_uring-incubator";
        } else if (required.equals(EPOLL) && active.equals(IO_URING)) {
            why = "Vert.x prefers io_uring when vertx-io_uring-incubator is on the class path: remove it to run on epoll";
        } else {
            why = "Vert.x chose " + active;
        }
        throw new IllegalStateException("quarkus.reactors.require-transport=" + required.replace('_', '-')
                + " but Vert.x runs on " + active + ": " + why, cause);
    }

    /** Loaded only when netty-transport-classes-epoll is present. */
    private static final class EpollHolder {
        static Throwable cause() {
            return io.netty.channel.epoll.Epoll.unavailabilityCause();
        }
    }

    /** Loaded only when netty-incubator-transport-classes-io_uring is present. */
    private static final class IoUringHolder {
        static Throwable cause() {
            return io.netty.incubator.channel.uring.IOUring.unavailabilityCause();
        }
    }
}
