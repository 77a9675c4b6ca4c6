package io.quarkiverse.reactors.benchmarks;

import java.time.Duration;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.CompositeAgent;

import io.quarkiverse.reactors.IdleStrategy;
import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorGroup;
import io.vertx.core.Vertx;

/**
 * B3: nanoseconds per poller call with 1, 10 and 1000 every-iteration pollers on a spinning reactor,
 * beside an Agrona {@link AgentRunner} busy-spinning a {@link CompositeAgent} of as many agents doing the
 * same work (an opaque counter increment, reporting idle). Both use one thread; the figure is that
 * thread's time divided by the calls it made.
 */
final class PollerOverhead {

    private PollerOverhead() {
    }

    static double reactorNanosPerCall(int pollers, long measureMillis) {
        Vertx vertx = Fixtures.vertx(1);
        ReactorGroup group = Fixtures.reactors(vertx, 1, IdleStrategy.SPIN);
        try {
            Reactor reactor = group.reactor(0);
            Counter[] counters = new Counter[pollers];
            for (int i = 0; i < pollers; i++) {
                Counter counter = new Counter();
                counters[i] = counter;
                reactor.poller("p" + i, counter::increment, Duration.ZERO);
            }
            return 1e9 / Counter.perSecond(measureMillis, counters);
        } finally {
            Fixtures.close(group, vertx);
        }
    }

    static double agronaNanosPerCall(int agents, long measureMillis) {
        Counter[] counters = new Counter[agents];
        Agent[] all = new Agent[agents];
        for (int i = 0; i < agents; i++) {
            Counter counter = new Counter();
            counters[i] = counter;
            String name = "a" + i;
            all[i] = new Agent() {
                @Override
                public int doWork() {
                    return counter.increment();
                }

                @Override
                public String roleName() {
                    return name;
                }
            };
        }
        AgentRunner runner = new AgentRunner(new BusySpinIdleStrategy(), Throwable::printStackTrace, null,
                new CompositeAgent(all));
        AgentRunner.startOnThread(runner);
        try {
            return 1e9 / Counter.perSecond(measureMillis, counters);
        } finally {
            runner.close();
        }
    }
}
