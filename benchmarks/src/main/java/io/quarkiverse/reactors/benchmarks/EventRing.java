package io.quarkiverse.reactors.benchmarks;

import java.util.ArrayList;
import java.util.List;

import io.netty.channel.EventLoop;
import io.quarkiverse.reactors.IdleStrategy;
import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorGroup;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;

/**
 * B7, SPDK's {@code event_perf} as a ring: every reactor seeds {@code depth} events; each event, when run,
 * counts itself and moves on to the next reactor. Reports events per second per reactor. Baseline: the
 * same ring with {@code runOnContext} between contexts on the event loops of a plain Vert.x.
 */
final class EventRing {

    private EventRing() {
    }

    static double reactorsPerSecondPerCore(int cores, IdleStrategy idle, int depth, long millis) {
        Vertx vertx = Fixtures.vertx(cores);
        ReactorGroup group = Fixtures.reactors(vertx, cores, idle);
        Counter[] counters = counters(cores);
        RunFlag running = new RunFlag();
        try {
            List<Reactor> ring = group.all();
            for (Reactor start : ring) {
                for (int q = 0; q < depth; q++) {
                    start.send(new Runnable() {
                        int at = start.id();

                        @Override
                        public void run() {
                            counters[at].increment();
                            if (running.running) {
                                at = at + 1 == cores ? 0 : at + 1;
                                ring.get(at).send(this);
                            }
                        }
                    });
                }
            }
            return Counter.perSecond(millis, counters) / cores;
        } finally {
            running.running = false;
            Fixtures.close(group, vertx);
        }
    }

    static double runOnContextPerSecondPerCore(int cores, int depth, long millis) {
        Vertx vertx = Fixtures.vertx(cores);
        Counter[] counters = counters(cores);
        RunFlag running = new RunFlag();
        try {
            VertxInternal vx = (VertxInternal) vertx;
            List<EventLoop> loops = new ArrayList<>();
            vx.getEventLoopGroup().forEach(e -> loops.add((EventLoop) e));
            ContextInternal[] contexts = new ContextInternal[cores];
            for (int i = 0; i < cores; i++) {
                contexts[i] = vx.createEventLoopContext(loops.get(i), null, Thread.currentThread().getContextClassLoader());
            }
            for (int s = 0; s < cores; s++) {
                int first = s;
                for (int q = 0; q < depth; q++) {
                    contexts[first].runOnContext(new Handler<Void>() {
                        int at = first;

                        @Override
                        public void handle(Void ignored) {
                            counters[at].increment();
                            if (running.running) {
                                at = at + 1 == cores ? 0 : at + 1;
                                contexts[at].runOnContext(this);
                            }
                        }
                    });
                }
            }
            return Counter.perSecond(millis, counters) / cores;
        } finally {
            running.running = false;
            Fixtures.close(null, vertx);
        }
    }

    private static Counter[] counters(int n) {
        Counter[] counters = new Counter[n];
        for (int i = 0; i < n; i++) {
            counters[i] = new Counter();
        }
        return counters;
    }
}
