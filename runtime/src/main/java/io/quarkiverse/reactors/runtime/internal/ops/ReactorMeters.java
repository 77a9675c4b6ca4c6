package io.quarkiverse.reactors.runtime.internal.ops;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

import io.quarkiverse.reactors.PollerHandle;
import io.quarkiverse.reactors.PollerStats;
import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.ReactorStats;
import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorGroup;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorImpl;
import io.quarkus.runtime.metrics.MetricsFactory;

/**
 * The reactors' and pollers' meters, through Quarkus' metrics SPI so that the extension does not depend on
 * Micrometer. Every meter reads the stats snapshot when scraped: the reactors write nothing more for them.
 * Meters are tagged {@code reactor} (the id) and, for pollers, {@code poller} (the name).
 */
public final class ReactorMeters {

    private static final double NANOS_PER_SECOND = 1e9;

    private ReactorMeters() {
    }

    /**
     * Registers the meters of every reactor now, and those of each poller as it appears: the pollers are discovered
     * on the watchdog's thread (after each of its looks), so that no meter is ever created on a reactor thread.
     */
    public static void register(MetricsFactory factory, Reactors reactors, ReactorWatchdog watchdog) {
        if (!factory.metricsSystemSupported(MetricsFactory.MICROMETER)) {
            return;
        }
        for (Reactor reactor : reactors.all()) {
            String id = Integer.toString(reactor.id());
            counter(factory, reactor, id, "reactors.events.accepted", "Events accepted into the reactor's queue",
                    ReactorStats::accepted);
            counter(factory, reactor, id, "reactors.events.executed", "Events that ran to completion",
                    ReactorStats::executed);
            counter(factory, reactor, id, "reactors.events.failed", "Events whose code threw", ReactorStats::failed);
            counter(factory, reactor, id, "reactors.events.rejected",
                    "Submissions refused because the queue was full or the reactor stopped", ReactorStats::rejected);
            counter(factory, reactor, id, "reactors.callback.failures",
                    "Timer callbacks and watch handlers that threw", ReactorStats::callbackFailures);
            counter(factory, reactor, id, "reactors.iterations", "Iterations of the reactor loop",
                    ReactorStats::iterations);
            counter(factory, reactor, id, "reactors.idle.wakeups",
                    "Wake-ups from a park whose first iteration found nothing to do", ReactorStats::idleWakeUps);
            gauge(factory, reactor, id, "reactors.queue.depth", "Events waiting in the queue", ReactorStats::queueDepth);
            gauge(factory, reactor, id, "reactors.queue.high.water.mark", "The deepest the queue was seen",
                    ReactorStats::queueHighWaterMark);
            gauge(factory, reactor, id, "reactors.pollers", "Pollers registered", ReactorStats::pollers);
            gauge(factory, reactor, id, "reactors.timers", "Timers armed", ReactorStats::timers);
            factory.builder("reactors.busy.time").description("Time spent running events, pollers and timers")
                    .unit("seconds").tag("reactor", id)
                    .buildCounter(reactor, r -> r.stats().busyNanos() / NANOS_PER_SECOND);
            factory.builder("reactors.idle.time").description("Time spent parked, idle or serving other tasks")
                    .unit("seconds").tag("reactor", id)
                    .buildCounter(reactor, r -> r.stats().idleNanos() / NANOS_PER_SECOND);
        }
        // Called on the watchdog's thread only.
        Map<String, PollerSlot> slots = new HashMap<>();
        watchdog.afterEachLook(new PollerDiscovery(((ReactorGroup) reactors).reactorArray(),
                poller -> slots.computeIfAbsent(poller.reactor() + "/" + poller.name(),
                        key -> registerPoller(factory, poller)).current = poller));
    }

    /**
     * Hands every poller registered now and later (cancelled ones excluded) to a listener, once each. It looks only
     * at reactors whose registration count moved since its last run, so an unchanged reactor costs one opaque read.
     * <p>
     * Not thread-safe: run by one thread (the watchdog's).
     */
    static final class PollerDiscovery implements Runnable {

        private final ReactorImpl[] reactors;
        private final Consumer<PollerHandle> listener;
        /** Per reactor: the registration count last seen, and the pollers handed over. */
        private final int[] registrations;
        private final List<Set<PollerHandle>> metered = new java.util.ArrayList<>();

        PollerDiscovery(ReactorImpl[] reactors, Consumer<PollerHandle> listener) {
            this.reactors = reactors;
            this.listener = listener;
            this.registrations = new int[reactors.length];
            java.util.Arrays.fill(registrations, -1);
            for (int i = 0; i < reactors.length; i++) {
                metered.add(Collections.newSetFromMap(new IdentityHashMap<>()));
            }
        }

        @Override
        public void run() {
            for (int i = 0; i < reactors.length; i++) {
                int now = reactors[i].pollerRegistry().registrations();
                if (now == registrations[i]) {
                    continue;
                }
                registrations[i] = now;
                List<PollerHandle> pollers = reactors[i].pollers();
                Set<PollerHandle> seen = metered.get(i);
                seen.retainAll(pollers); // forget cancelled ones: this set must not keep them alive
                for (PollerHandle poller : pollers) {
                    if (seen.add(poller)) {
                        listener.accept(poller);
                    }
                }
            }
        }
    }

    /**
     * The poller a name stands for on a reactor: the meters of a (reactor, name) pair are registered once (the
     * metrics registry would hand back the first meters for the same id), and read the poller registered last
     * under that name. Held strongly here, as the registry holds meter state weakly.
     */
    private static final class PollerSlot {
        volatile PollerHandle current;

        PollerStats stats() {
            return current.stats();
        }
    }

    private static PollerSlot registerPoller(MetricsFactory factory, PollerHandle poller) {
        PollerSlot slot = new PollerSlot();
        slot.current = poller;
        pollerCounter(factory, poller, slot, "reactors.poller.runs", "Calls of the poller", PollerStats::runs);
        pollerCounter(factory, poller, slot, "reactors.poller.busy.runs", "Calls that reported work",
                PollerStats::busyRuns);
        pollerCounter(factory, poller, slot, "reactors.poller.failures", "Calls that threw", PollerStats::failures);
        pollerBuilder(factory, poller, "reactors.poller.time", "Time spent in the poller").unit("seconds")
                .buildCounter(slot, p -> p.stats().totalNanos() / NANOS_PER_SECOND);
        pollerBuilder(factory, poller, "reactors.poller.max.time", "The longest call timed").unit("seconds")
                .buildGauge(slot, p -> p.stats().maxNanos() / NANOS_PER_SECOND);
        return slot;
    }

    private static void counter(MetricsFactory factory, Reactor reactor, String id, String name, String description,
            ToLongFunction<ReactorStats> value) {
        factory.builder(name).description(description).tag("reactor", id)
                .buildCounter(reactor, r -> value.applyAsLong(r.stats()));
    }

    private static void gauge(MetricsFactory factory, Reactor reactor, String id, String name, String description,
            ToLongFunction<ReactorStats> value) {
        factory.builder(name).description(description).tag("reactor", id)
                .buildGauge(reactor, r -> value.applyAsLong(r.stats()));
    }

    private static void pollerCounter(MetricsFactory factory, PollerHandle poller, PollerSlot slot, String name,
            String description, ToLongFunction<PollerStats> value) {
        pollerBuilder(factory, poller, name, description).buildCounter(slot, p -> value.applyAsLong(p.stats()));
    }

    private static MetricsFactory.MetricBuilder pollerBuilder(MetricsFactory factory, PollerHandle poller, String name,
            String description) {
        return factory.builder(name).description(description).tag("reactor", Integer.toString(poller.reactor()))
                .tag("poller", poller.name());
    }
}
