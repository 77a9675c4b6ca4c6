package io.quarkiverse.reactors.benchmarks;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.quarkiverse.reactors.IdleStrategy;
import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorGroup;
import io.vertx.core.Vertx;

/**
 * The heap that a group's lanes hold: a group of {@code n} reactors at the default settings, the heap in use after a
 * few collections, then again once every reactor has sent one event to every other (so that all {@code n (n - 1)}
 * lanes exist). Not part of {@link Bench}: {@code java -cp ... io.quarkiverse.reactors.benchmarks.LaneFootprint [n]}.
 */
public final class LaneFootprint {

    private LaneFootprint() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        Vertx vertx = Fixtures.vertx(n);
        ReactorGroup group = Fixtures.reactors(vertx, n, IdleStrategy.PARK);
        try {
            long before = heapInUse();
            CountDownLatch delivered = new CountDownLatch(n * (n - 1));
            for (Reactor from : group.all()) {
                from.send(() -> {
                    for (Reactor to : group.all()) {
                        if (to != from) {
                            to.send(delivered::countDown);
                        }
                    }
                });
            }
            if (!delivered.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(delivered.getCount() + " events were not delivered within 30 s");
            }
            System.out.printf("%d reactors, %d lanes: %.1f MiB more heap in use once every pair talked%n", n,
                    n * (n - 1), (heapInUse() - before) / 1048576.0);
        } finally {
            Fixtures.close(group, vertx);
        }
        System.exit(0);
    }

    private static long heapInUse() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
