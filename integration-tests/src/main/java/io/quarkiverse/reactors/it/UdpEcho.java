package io.quarkiverse.reactors.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkiverse.reactors.Interest;
import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.WatchHandle;
import io.quarkus.runtime.StartupEvent;

/**
 * A UDP echo server on one reactor: the channel is opened at startup and watched; every datagram is answered
 * upper-cased, on the reactor, without a lock (only that reactor touches the channel and the counters).
 */
@ApplicationScoped
public class UdpEcho {

    @Inject
    Reactors reactors;

    @ConfigProperty(name = "demo.echo.port", defaultValue = "0")
    int port;

    private DatagramChannel channel;
    private WatchHandle watch;
    private final ByteBuffer buffer = ByteBuffer.allocate(1500);
    /** Written on the echo reactor only. */
    private volatile long echoed;

    // tag::udp-echo-start[]
    void start(@Observes StartupEvent event) throws IOException {
        channel = DatagramChannel.open();
        channel.bind(new InetSocketAddress("127.0.0.1", port)).configureBlocking(false);
        Reactor reactor = reactors.reactor(reactors.count() - 1);
        watch = reactor.watch(channel, Interest.READ, (ready, handle) -> {
            if (ready.contains(Interest.READ)) {
                echoAll();
            }
        });
    }
    // end::udp-echo-start[]

    /** Answers every datagram that is waiting; a reply the socket cannot take now is dropped, as UDP allows. */
    private void echoAll() {
        try {
            SocketAddress from;
            while ((from = channel.receive(buffer.clear())) != null) {
                String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
                channel.send(ByteBuffer.wrap(text.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)), from);
                echoed++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        try {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long echoed() {
        return echoed;
    }

    public int reactor() {
        return watch.reactor().id();
    }

    @PreDestroy
    void stop() throws IOException {
        watch.cancel();
        channel.close();
    }
}
