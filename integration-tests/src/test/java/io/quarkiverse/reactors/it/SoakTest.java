package io.quarkiverse.reactors.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.quarkiverse.reactors.IdleStrategy;
import io.quarkiverse.reactors.Interest;
import io.quarkiverse.reactors.PollerHandle;
import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.ReactorOverloadedException;
import io.quarkiverse.reactors.ReactorStats;
import io.quarkiverse.reactors.ReactorStoppedException;
import io.quarkiverse.reactors.TimerHandle;
import io.quarkiverse.reactors.WatchHandle;
import io.quarkiverse.reactors.runtime.internal.events.EventInvoker;
import io.quarkiverse.reactors.runtime.internal.offload.OffloadPool;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorGroup;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorSettings;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

/**
 * The reliability soak: a seeded, randomized mix of every operation, from reactors and from plain threads, against
 * small queues (so that overload happens), with 1% of the user callbacks throwing, ended by a shutdown at a random
 * moment while the senders are still sending. Two rounds, each on reactors of its own (its own Vert.x on the
 * transport of this run, so that the shutdown is real): offloads on the Vert.x worker pool, then on a dedicated
 * pool.
 * <p>
 * Checked at the end of each round: every accepted event ran exactly once (or is counted failed); every
 * {@code Uni} and {@code CompletionStage} settled; per-sender FIFO held; no timer fired once its disable or cancel
 * had taken effect, no poller ran once its pause or cancel had, no watch handler ran once its cancel had; a watch
 * whose channel was closed ended with one {@code HANG_UP}; the reactors' counters balance with what the test
 * counted. One line reports the seed and the counts; a failure names the seed, to replay it with
 * {@code -Dreactors.soak.seed=S} (the threads interleave differently on a replay; the operations are the same).
 * {@code -Dreactors.soak.seconds=N} runs longer (default 50, both rounds together).
 */
@QuarkusTest
public class SoakTest {

    static final long SEED = Long.getLong("reactors.soak.seed", System.nanoTime());
    static final int SECONDS = Integer.getInteger("reactors.soak.seconds", 50);
    static final int REACTORS = 2;
    static final int THREADS = 2;

    @Test
    void randomizedMixLosesNothing() throws Exception {
        Random seeds = new Random(SEED);
        Counts total = new Counts();
        Queue<String> violations = new ConcurrentLinkedQueue<>();
        try {
            for (boolean dedicatedPool : new boolean[] { false, true }) {
                new Round(seeds.nextLong(), dedicatedPool, TimeUnit.SECONDS.toMillis(SECONDS) / 2, total, violations)
                        .run();
            }
        } catch (Throwable t) {
            throw new AssertionError("soak failed with seed " + SEED + " (replay: -Dreactors.soak.seed=" + SEED + ")", t);
        }
        String summary = String.format("Soak seed=%d transport=%s seconds=%d: operations=%d accepted=%d rejected=%d"
                + " failed=%d settled=%d/%d timers=%d pollers=%d watches=%d hangups=%d offloads=%d lost=%d"
                + " violations=%d", SEED, total.transport, SECONDS,
                total.operations.get(), total.accepted.get(), total.rejected.get(), total.thrown.get(),
                total.settled.get(), total.issued.get(), total.timers.get(), total.pollers.get(), total.watches.get(),
                total.hangUps.get(), total.offloads.get(), total.lost(), violations.size());
        System.out.println(summary);
        assertTrue(violations.isEmpty(), "seed " + SEED + " (replay: -Dreactors.soak.seed=" + SEED + "): "
                + String.join("; ", violations.stream().limit(20).toList()));
        assertEquals(0, total.lost(), "seed " + SEED + ": " + summary);
    }

    /** What the test counted, over all rounds. */
    static final class Counts {
        final AtomicLong operations = new AtomicLong();
        /** User events (send, trySend, fire) accepted, and those that ran (thrown ones included). */
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong ran = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        /** Events and call tasks the test made throw: the reactors' {@code failed} must equal this. */
        final AtomicLong thrown = new AtomicLong();
        /** Timer callbacks and watch handlers the test made throw: {@code callbackFailures} must equal this. */
        final AtomicLong callbacksThrown = new AtomicLong();
        /** Unis and CompletionStages asked for, and settled (item or failure). */
        final AtomicLong issued = new AtomicLong();
        final AtomicLong settled = new AtomicLong();
        final AtomicLong timers = new AtomicLong();
        final AtomicLong pollers = new AtomicLong();
        final AtomicLong watches = new AtomicLong();
        final AtomicLong hangUps = new AtomicLong();
        final AtomicLong offloads = new AtomicLong();
        volatile String transport;

        long lost() {
            return (accepted.get() - ran.get()) + (issued.get() - settled.get());
        }
    }

    /** The one event type of the soak's {@code @OnEvent}-style subscriber. */
    record Ping(int sender) {
    }

    /** A timer, poller or watch with the operator that owns it and the guard that says it must stay quiet. */
    static final class Guarded<H> {
        final H handle;
        final Reactor reactor;
        /** version * 2, plus 1 once a disable/pause/cancel of that version has taken effect on the reactor. */
        final AtomicLong guard = new AtomicLong();
        volatile boolean ended;
        volatile boolean threw;
        volatile long closedAt;
        final AtomicLong hangUps = new AtomicLong();
        Pipe pipe;

        Guarded(H handle, Reactor reactor) {
            this.handle = handle;
            this.reactor = reactor;
        }

        boolean quiet() {
            return (guard.get() & 1) == 1;
        }
    }

    /** One round: its own Vert.x and reactors, senders, a shutdown at a random moment, then the checks. */
    static final class Round {
        final Random random;
        final boolean dedicatedPool;
        final long millis;
        final Counts counts;
        final Queue<String> violations;
        final int senders = THREADS + REACTORS;
        /** Per target reactor, per sender: the last sequence number run there; written only by that reactor. */
        final long[][] lastRun = new long[REACTORS][senders];
        /** Per sender, per target: the next sequence number; written only by that sender. */
        final long[][] nextSeq = new long[senders][REACTORS];
        final long thrownAtStart;
        final long callbacksThrownAtStart;
        ReactorGroup group;
        volatile boolean sending = true;

        Round(long seed, boolean dedicatedPool, long millis, Counts counts, Queue<String> violations) {
            this.random = new Random(seed);
            this.dedicatedPool = dedicatedPool;
            this.millis = millis;
            this.counts = counts;
            this.violations = violations;
            this.thrownAtStart = counts.thrown.get();
            this.callbacksThrownAtStart = counts.callbacksThrown.get();
        }

        void run() throws Exception {
            boolean preferNative = Boolean.parseBoolean(System.getProperty("quarkus.vertx.prefer-native-transport", "false"));
            Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(REACTORS).setPreferNativeTransport(preferNative));
            // small queues and offload bounds, so that overload happens
            ReactorSettings settings = new ReactorSettings(64, 16, IdleStrategy.PARK, 100, 10, 1_000, 1_000_000, 1_000_000,
                    20_000, 100_000, 4096, 32);
            group = ReactorGroup.start(vertx, REACTORS, settings);
            assertEquals(System.getProperty("reactors.expected-transport", "nio"), group.transport(),
                    "the soak runs on this run's transport");
            counts.transport = group.transport();
            OffloadPool pool = dedicatedPool ? new OffloadPool("soak", 2, 8) : null;
            if (pool != null) {
                group.offloadTo(pool);
            }
            group.registerSubscriber("SoakTest#onPing", new EventInvoker() {
                @Override
                public Class<?> eventType() {
                    return Ping.class;
                }

                @Override
                public Object deliver(Object bean, Object event, io.quarkiverse.reactors.Reactor reactor) {
                    counts.ran.incrementAndGet();
                    maybeThrow(counts.thrown);
                    return null;
                }
            }, this, false);

            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int sender = t;
                Random own = new Random(random.nextLong());
                Thread thread = new Thread(() -> drive(sender, own, null), "soak-sender-" + t);
                thread.setDaemon(true);
                threads.add(thread);
            }
            for (int r = 0; r < REACTORS; r++) {
                int sender = THREADS + r;
                Random own = new Random(random.nextLong());
                Reactor reactor = group.reactor(r);
                reactor.context().runOnContext(v -> vertx.setPeriodic(1, timer -> {
                    if (!sending || !driveSome(sender, own, reactor)) {
                        vertx.cancelTimer(timer);
                    }
                }));
            }
            threads.forEach(Thread::start);
            long stopAt = millis / 2 + (long) (random.nextDouble() * millis / 2);
            Thread.sleep(stopAt);
            long stopped = System.currentTimeMillis();
            group.stop(Duration.ofSeconds(10)); // while every sender is still sending
            Thread.sleep(100);
            sending = false;
            for (Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            }
            if (pool != null) {
                pool.shutdown(Duration.ofSeconds(5));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (counts.settled.get() < counts.issued.get() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            check(stopped);
            for (Guarded<?> g : created) {
                if (g.pipe != null) {
                    g.pipe.source().close();
                    g.pipe.sink().close();
                }
            }
        }

        /** A plain thread's loop: operations until the round stops sending. */
        void drive(int sender, Random own, Reactor self) {
            List<Guarded<?>> mine = new ArrayList<>();
            while (sending) {
                try {
                    step(sender, own, self, mine);
                } catch (ReactorStoppedException e) {
                    Thread.onSpinWait(); // shutdown began: keep trying until told to stop, as a real sender would
                }
                if (own.nextInt(64) == 0) {
                    sleepMicros(own.nextInt(500));
                }
            }
        }

        final List<List<Guarded<?>>> reactorOwned = List.of(new ArrayList<>(), new ArrayList<>());
        /** Every timer, poller and watch of the round, for the checks and to close the pipes. */
        final Queue<Guarded<?>> created = new ConcurrentLinkedQueue<>();

        /** A reactor's share, from a Vert.x timer on it: a few operations. @return false once the reactor stopped */
        boolean driveSome(int sender, Random own, Reactor self) {
            try {
                for (int i = 0; i < 20; i++) {
                    step(sender, own, self, reactorOwned.get(self.id()));
                }
                return true;
            } catch (ReactorStoppedException e) {
                return false;
            }
        }

        void step(int sender, Random own, Reactor self, List<Guarded<?>> mine) {
            counts.operations.incrementAndGet();
            Reactor target = group.reactor(own.nextInt(REACTORS));
            int op = own.nextInt(100);
            try {
                if (op < 30) {
                    sendInOrder(sender, target, false);
                } else if (op < 42) {
                    sendInOrder(sender, target, true);
                } else if (op < 50) {
                    call(target, self);
                } else if (op < 54) {
                    callAsync(target, self);
                } else if (op < 56) {
                    // tasks that never throw: the call to the sender's own reactor may run inline, not as an event
                    track(group.broadcast(() -> {
                    }));
                } else if (op < 58) {
                    counts.issued.incrementAndGet();
                    group.mapReduce(() -> 1, Integer::sum).subscribe().with(sum -> {
                        if (sum != REACTORS) {
                            violations.add("mapReduce gave " + sum);
                        }
                        counts.settled.incrementAndGet();
                    }, failure -> counts.settled.incrementAndGet());
                } else if (op < 63) {
                    target.fire(new Ping(sender));
                    counts.accepted.incrementAndGet();
                } else if (op < 65) {
                    fireAll(sender);
                } else if (op < 75) {
                    timerOperation(own, target, self, mine);
                } else if (op < 81) {
                    pollerOperation(own, target, self, mine);
                } else if (op < 88) {
                    watchOperation(own, target, self, mine);
                } else {
                    offload(own, target);
                }
            } catch (ReactorOverloadedException e) {
                counts.rejected.incrementAndGet();
            }
        }

        /** A numbered event: the target checks that it follows the previous one from this sender. */
        void sendInOrder(int sender, Reactor target, boolean trySend) {
            int to = target.id();
            long seq = nextSeq[sender][to] + 1;
            Runnable event = () -> {
                counts.ran.incrementAndGet();
                long last = lastRun[to][sender];
                if (seq != last + 1) {
                    violations.add("FIFO: sender " + sender + " to reactor " + to + " ran " + seq + " after " + last);
                }
                lastRun[to][sender] = seq;
                maybeThrow(counts.thrown);
            };
            if (trySend) {
                if (!target.trySend(event)) {
                    counts.rejected.incrementAndGet();
                    return;
                }
            } else {
                target.send(event);
            }
            nextSeq[sender][to] = seq;
            counts.accepted.incrementAndGet();
        }

        void call(Reactor target, Reactor self) {
            counts.issued.incrementAndGet();
            target.call(() -> task(target, self)).subscribe().with(v -> settledOn(self), f -> settledOn(self));
        }

        /**
         * A call's task, throwing 1% of the time, except on a call to the caller's own reactor: that one may run
         * inline, not as an event, so a failure there is not the reactor's to count.
         */
        Integer task(Reactor target, Reactor self) {
            if (target != self) {
                maybeThrow(counts.thrown);
            }
            return 1;
        }

        /** A reply to a call made on a reactor completes on that reactor. */
        void settledOn(Reactor caller) {
            if (caller != null && !caller.isCurrent()) {
                violations.add("a reply to a call from reactor " + caller.id() + " completed on "
                        + Thread.currentThread().getName());
            }
            counts.settled.incrementAndGet();
        }

        void callAsync(Reactor target, Reactor self) {
            counts.issued.incrementAndGet();
            target.callAsync(() -> task(target, self)).whenComplete((v, f) -> counts.settled.incrementAndGet());
        }

        void track(io.smallrye.mutiny.Uni<?> uni) {
            counts.issued.incrementAndGet();
            uni.subscribe().with(v -> counts.settled.incrementAndGet(), f -> counts.settled.incrementAndGet());
        }

        void fireAll(int sender) {
            try {
                group.fire(new Ping(sender));
                counts.accepted.addAndGet(REACTORS);
            } catch (ReactorOverloadedException | ReactorStoppedException e) {
                // the others took it: the first refusal is thrown, the rest are suppressed
                counts.accepted.addAndGet(REACTORS - 1 - e.getSuppressed().length);
                counts.rejected.addAndGet(1 + e.getSuppressed().length);
                if (e instanceof ReactorStoppedException stopped) {
                    throw stopped;
                }
            }
        }

        void offload(Random own, Reactor target) {
            counts.issued.incrementAndGet();
            counts.offloads.incrementAndGet();
            int micros = own.nextInt(2000);
            target.offload(() -> {
                sleepMicros(micros);
                if (ThreadLocalRandom.current().nextInt(100) == 0) {
                    throw new IllegalStateException("soak: offloaded task failure");
                }
                return micros;
            }, own.nextBoolean()).subscribe().with(v -> counts.settled.incrementAndGet(),
                    f -> counts.settled.incrementAndGet());
        }

        // ------------------------------------------------------------ timers, pollers, watches

        @SuppressWarnings("unchecked")
        <H> Guarded<H> pick(Random own, List<Guarded<?>> mine, Class<H> type) {
            List<Guarded<?>> ofType = mine.stream().filter(g -> type.isInstance(g.handle) && !g.ended).toList();
            return ofType.isEmpty() ? null : (Guarded<H>) ofType.get(own.nextInt(ofType.size()));
        }

        /**
         * After a disable, pause or cancel called by the guard's only operator: once it has taken effect on the
         * reactor, the callback must stay quiet until the operator re-enables it (which bumps the version first).
         * It has taken effect at once when the operator is that reactor. From another thread the operation travels
         * in the queue, or beside it as a task of the event loop when the queue is full; so the mark is an event
         * (after anything queued before it) that posts an event-loop task (after anything posted before it).
         */
        void quietFromNowOn(Guarded<?> g, Reactor self) {
            long version = g.guard.get() / 2 + 1;
            g.guard.set(version * 2);
            if (self == g.reactor) {
                g.guard.set(version * 2 + 1);
                return;
            }
            try {
                g.reactor.send(() -> g.reactor.context()
                        .runOnContext(v -> g.guard.compareAndSet(version * 2, version * 2 + 1)));
            } catch (ReactorOverloadedException | ReactorStoppedException e) {
                // not checked this time
            }
        }

        void loud(Guarded<?> g) {
            g.guard.set((g.guard.get() / 2 + 1) * 2);
        }

        void timerOperation(Random own, Reactor target, Reactor self, List<Guarded<?>> mine) {
            Guarded<TimerHandle> g = pick(own, mine, TimerHandle.class);
            if (g == null || own.nextInt(4) == 0) {
                Guarded<TimerHandle>[] holder = new Guarded[1];
                Runnable callback = () -> {
                    Guarded<TimerHandle> t = holder[0];
                    if (t != null && t.quiet()) {
                        violations.add("a timer fired after its disable or cancel took effect");
                    }
                    maybeThrow(counts.callbacksThrown);
                };
                Duration delay = Duration.ofMillis(1 + own.nextInt(5));
                TimerHandle handle = own.nextBoolean() ? target.timer(delay, callback) : target.periodic(delay, callback);
                holder[0] = new Guarded<>(handle, target);
                mine.add(holder[0]);
                created.add(holder[0]);
                counts.timers.incrementAndGet();
                return;
            }
            int what = own.nextInt(4);
            try {
                if (what == 0) {
                    g.ended = true;
                    g.handle.cancel();
                    quietFromNowOn(g, self);
                } else if (what == 1) {
                    g.handle.update(Duration.ofMillis(-1));
                    quietFromNowOn(g, self);
                } else {
                    loud(g);
                    g.handle.update(Duration.ofMillis(what == 2 ? 0 : 1 + own.nextInt(5)));
                }
            } catch (IllegalStateException e) {
                if (!g.handle.cancelled()) {
                    throw e;
                }
                // Cancelled by the reactor's shutdown (the test never updates a timer it cancelled itself): the
                // documented refusal. Until this was caught, it ended the sending thread once shutdown began.
                g.ended = true;
            }
        }

        void pollerOperation(Random own, Reactor target, Reactor self, List<Guarded<?>> mine) {
            Guarded<PollerHandle> g = pick(own, mine, PollerHandle.class);
            if (g == null || own.nextInt(4) == 0) {
                Guarded<PollerHandle>[] holder = new Guarded[1];
                PollerHandle handle = target.poller("soak-" + counts.pollers.incrementAndGet(), () -> {
                    Guarded<PollerHandle> p = holder[0];
                    if (p != null && p.quiet()) {
                        violations.add("a poller ran after its pause or cancel took effect");
                    }
                    if (ThreadLocalRandom.current().nextInt(100) == 0) {
                        throw new IllegalStateException("soak: poller failure");
                    }
                    return 0;
                }, own.nextBoolean() ? Duration.ZERO : Duration.ofMillis(1));
                holder[0] = new Guarded<>(handle, target);
                mine.add(holder[0]);
                created.add(holder[0]);
                return;
            }
            int what = own.nextInt(3);
            if (what == 0) {
                g.ended = true;
                g.handle.cancel();
                quietFromNowOn(g, self);
            } else if (what == 1) {
                g.handle.pause();
                quietFromNowOn(g, self);
            } else {
                loud(g);
                g.handle.resume();
            }
        }

        void watchOperation(Random own, Reactor target, Reactor self, List<Guarded<?>> mine) {
            Guarded<WatchHandle> g = pick(own, mine, WatchHandle.class);
            try {
                if (g == null || own.nextInt(6) == 0) {
                    Pipe pipe = Pipe.open();
                    pipe.source().configureBlocking(false);
                    pipe.sink().configureBlocking(false);
                    Guarded<WatchHandle>[] holder = new Guarded[1];
                    WatchHandle handle = target.watch(pipe.source(), Interest.READ, (ready, h) -> {
                        Guarded<WatchHandle> w = holder[0];
                        if (ready.contains(Interest.HANG_UP)) {
                            // A throw of the handler's own is counted even when the channel was closed under it;
                            // only the ClosedChannelException of a read after the close is excused (with HANG_UP).
                            counts.hangUps.incrementAndGet();
                            if (w.hangUps.incrementAndGet() > 1) {
                                violations.add("a watch got HANG_UP twice");
                            }
                            return;
                        }
                        if (w.quiet()) {
                            violations.add("a watch handler ran after its cancel took effect");
                        }
                        if (ThreadLocalRandom.current().nextInt(100) == 0) {
                            w.threw = true;
                            fail(counts.callbacksThrown);
                        }
                        ByteBuffer buffer = ByteBuffer.allocate(256);
                        while (pipe.source().read(buffer) > 0) {
                            buffer.clear();
                        }
                    });
                    holder[0] = new Guarded<>(handle, target);
                    holder[0].pipe = pipe;
                    mine.add(holder[0]);
                    created.add(holder[0]);
                    created.add(holder[0]);
                    counts.watches.incrementAndGet();
                    return;
                }
                int what = own.nextInt(8);
                if (what < 4) {
                    g.pipe.sink().write(ByteBuffer.wrap(new byte[] { (byte) what }));
                } else if (what == 4) {
                    g.handle.update(own.nextBoolean() ? Interest.READ : Interest.NONE);
                } else if (what == 5) {
                    g.ended = true;
                    g.handle.cancel();
                    quietFromNowOn(g, self);
                    g.pipe.source().close();
                    g.pipe.sink().close();
                } else {
                    g.ended = true;
                    g.closedAt = System.currentTimeMillis();
                    g.pipe.source().close(); // by this thread, which is not (always) the watching reactor
                    g.pipe.sink().close();
                }
            } catch (IOException e) {
                violations.add("pipe: " + e);
            }
        }

        // ------------------------------------------------------------ checks

        void check(long stoppedAt) {
            long failed = 0;
            long callbackFailures = 0;
            for (Reactor reactor : group.all()) {
                ReactorStats s = reactor.stats();
                if (s.queueDepth() != 0 || s.accepted() != s.executed() + s.failed()) {
                    violations.add("counters of reactor " + reactor.id() + " do not balance: " + s);
                }
                failed += s.failed();
                callbackFailures += s.callbackFailures();
            }
            long thrownHere = counts.thrown.get() - thrownAtStart;
            if (failed != thrownHere) {
                // the reactors' own failures (internal tasks, events abandoned at termination) are logged above
                violations.add("the reactors counted " + failed + " failed events, the test threw in " + thrownHere
                        + " (" + group.all().stream().map(r -> r.stats().toString()).toList() + ")");
            }
            long callbacksHere = counts.callbacksThrown.get() - callbacksThrownAtStart;
            if (callbackFailures != callbacksHere) {
                violations.add("the reactors counted " + callbackFailures + " callback failures, the test threw in "
                        + callbacksHere);
            }
            for (Guarded<?> g : created) {
                if (g.handle instanceof WatchHandle && g.closedAt > 0 && !g.threw && stoppedAt - g.closedAt > 500
                        && g.hangUps.get() != 1) {
                    violations.add("a watch whose channel was closed " + (stoppedAt - g.closedAt)
                            + " ms before the stop got " + g.hangUps.get() + " HANG_UPs");
                }
            }
        }

        static void maybeThrow(AtomicLong counter) {
            if (ThreadLocalRandom.current().nextInt(100) == 0) {
                fail(counter);
            }
        }

        /** Counts the failure, then throws it. */
        static void fail(AtomicLong counter) {
            counter.incrementAndGet();
            throw new IllegalStateException("soak: 1% of the callbacks throw");
        }

        static void sleepMicros(long micros) {
            try {
                TimeUnit.MICROSECONDS.sleep(micros);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
