package io.quarkiverse.reactors.benchmarks;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import io.quarkiverse.reactors.IdleStrategy;
import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorGroup;
import io.vertx.core.Vertx;

/**
 * B5: counter increments per second with two cores updating the same keys: 16 hot keys, or keys spread
 * over a million. Ours: each key lives in a plain {@link HashMap} on its owner reactor ({@code forKey});
 * an update for a key owned elsewhere is sent there as an event. Baselines: two threads updating one
 * {@link ConcurrentHashMap} with {@code merge}, and two threads updating one {@link HashMap} under a lock.
 * Every map starts each trial holding all its keys (see {@link #filled}).
 */
final class SharedNothing {

    private static final int CHUNK = 256;
    private static final BiConsumer<Shard, Integer> APPLY = Shard::apply;

    /** A reactor's own keys; touched only on that reactor. */
    static final class Shard {
        final Map<Integer, Long> counts;
        final Counter applied = new Counter();

        Shard(Map<Integer, Long> counts) {
            this.counts = counts;
        }

        void apply(Integer key) {
            counts.merge(key, 1L, Long::sum);
            applied.increment();
        }
    }

    private SharedNothing() {
    }

    private static int key(SplittableRandom random, boolean hot) {
        return random.nextInt(keys(hot));
    }

    private static int keys(boolean hot) {
        return hot ? 16 : 1 << 20;
    }

    /**
     * Every key the run can draw, each counted 0, in a map made by {@code map}, for those keys {@code owned}
     * accepts. B5 measures counting in steady state, every key present in every variant: with empty maps a
     * one-second trial would mostly measure inserts, resizes and the garbage collection of the last trial's
     * maps, and whichever variant ran first would meet the coldest heap. The caller then runs {@link #tenured()}.
     */
    private static <M extends Map<Integer, Long>> M filled(M map, boolean hot, java.util.function.IntPredicate owned) {
        for (int key = 0; key < keys(hot); key++) {
            if (owned.test(key)) {
                map.put(key, 0L);
            }
        }
        return map;
    }

    /**
     * Collects garbage once the maps are filled, so that they are old before the trial starts: otherwise the first
     * young collections of the trial copy the fresh million entries (50-150 ms pauses inside a one-second window).
     */
    private static void tenured() {
        System.gc();
    }

    static double reactorsPerSecond(boolean hot, long millis) {
        return reactorsPerSecond(hot, true, millis);
    }

    /**
     * @param hops whether an update for a key owned elsewhere is sent to its owner (B5); without, every reactor
     *        draws only keys it owns, as if each update had arrived at its owner, and updates the same maps as B5
     *        with nothing crossing the cores: what B5 would reach if the hops cost nothing, the reference that says
     *        whether the hops or the maps limit it
     */
    static double reactorsPerSecond(boolean hot, boolean hops, long millis) {
        Vertx vertx = Fixtures.vertx(2);
        ReactorGroup group = Fixtures.reactors(vertx, 2, IdleStrategy.PARK);
        Shard[] shards = new Shard[2];
        for (Reactor reactor : group.all()) {
            shards[reactor.id()] = new Shard(
                    filled(new HashMap<>(), hot, key -> group.ownerOf(key) == reactor.id()));
        }
        tenured();
        RunFlag running = new RunFlag();
        try {
            for (Reactor self : group.all()) {
                self.send(new Runnable() {
                    final SplittableRandom random = new SplittableRandom(self.id());
                    int pending = -1;

                    @Override
                    public void run() {
                        if (!running.running) {
                            return;
                        }
                        for (int i = 0; i < CHUNK; i++) {
                            Integer key = pending >= 0 ? pending : key(random, hot);
                            while (!hops && group.ownerOf(key) != self.id()) {
                                key = key(random, hot);
                            }
                            pending = -1;
                            Reactor owner = hops ? group.forKey(key) : self;
                            if (owner == self) {
                                shards[self.id()].apply(key);
                            } else if (!owner.trySend(APPLY, shards[owner.id()], key)) {
                                pending = key; // owner's queue full: back off until our next turn
                                break;
                            }
                        }
                        self.send(this); // next chunk, after the events queued meanwhile
                    }
                });
            }
            return Counter.perSecond(millis, shards[0].applied, shards[1].applied);
        } finally {
            running.running = false;
            Fixtures.close(group, vertx);
        }
    }

    static double concurrentHashMapPerSecond(boolean hot, long millis) {
        Map<Integer, Long> map = filled(new ConcurrentHashMap<>(), hot, key -> true);
        tenured();
        return threads(hot, millis, key -> map.merge(key, 1L, Long::sum));
    }

    static double lockedHashMapPerSecond(boolean hot, long millis) {
        Map<Integer, Long> map = filled(new HashMap<>(), hot, key -> true);
        tenured();
        return threads(hot, millis, key -> {
            synchronized (map) {
                map.merge(key, 1L, Long::sum);
            }
        });
    }

    private static double threads(boolean hot, long millis, java.util.function.IntConsumer update) {
        Counter[] done = { new Counter(), new Counter() };
        RunFlag flag = new RunFlag();
        Thread[] threads = new Thread[2];
        for (int t = 0; t < 2; t++) {
            Counter counter = done[t];
            SplittableRandom random = new SplittableRandom(t);
            threads[t] = new Thread(() -> {
                while (flag.running) {
                    for (int i = 0; i < CHUNK; i++) {
                        update.accept(key(random, hot));
                        counter.increment();
                    }
                }
            }, "b5-" + t);
            threads[t].start();
        }
        try {
            return Counter.perSecond(millis, done);
        } finally {
            flag.running = false;
            for (Thread thread : threads) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
