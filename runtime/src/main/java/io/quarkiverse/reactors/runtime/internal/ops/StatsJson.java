package io.quarkiverse.reactors.runtime.internal.ops;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.quarkiverse.reactors.PollerHandle;
import io.quarkiverse.reactors.PollerStats;
import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.ReactorStats;
import io.quarkiverse.reactors.Reactors;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The JSON form of the stats, shared by the {@code /q/reactors} endpoint and the Dev UI. Field names are the
 * record components' names, so that the JSON, the Java API and the docs say the same thing.
 */
public final class StatsJson {

    private StatsJson() {
    }

    /** {@code {"reactors": [...]}}: every reactor's stats, and its stall if it is stalled now. */
    public static JsonObject reactors(Reactors reactors, ReactorWatchdog monitor) {
        JsonArray all = new JsonArray();
        List<ReactorWatchdog.Stall> stalls = monitor.stalls();
        for (Reactor reactor : reactors.all()) {
            JsonObject json = reactor(reactor.stats());
            for (ReactorWatchdog.Stall stall : stalls) {
                if (stall.reactor() == reactor.id()) {
                    json.put("stalled", new JsonObject().put("forMillis", TimeUnit.NANOSECONDS.toMillis(stall.stuckNanos()))
                            .put("in", stall.where()));
                }
            }
            all.add(json);
        }
        return new JsonObject().put("reactors", all);
    }

    /** {@code {"pollers": [...]}}: every registered poller of every reactor, by reactor then name. */
    public static JsonObject pollers(Reactors reactors) {
        JsonArray all = new JsonArray();
        for (Reactor reactor : reactors.all()) {
            reactor.pollers().stream().map(PollerHandle::stats)
                    .sorted((a, b) -> a.name().compareTo(b.name()))
                    .forEach(stats -> all.add(poller(stats)));
        }
        return new JsonObject().put("pollers", all);
    }

    public static JsonObject reactor(ReactorStats s) {
        return new JsonObject()
                .put("id", s.id())
                .put("thread", s.thread())
                .put("queueCapacity", s.queueCapacity())
                .put("accepted", s.accepted())
                .put("executed", s.executed())
                .put("failed", s.failed())
                .put("rejected", s.rejected())
                .put("queueDepth", s.queueDepth())
                .put("queueHighWaterMark", s.queueHighWaterMark())
                .put("iterations", s.iterations())
                .put("pollers", s.pollers())
                .put("timers", s.timers())
                .put("busyNanos", s.busyNanos())
                .put("idleNanos", s.idleNanos())
                .put("transport", s.transport())
                .put("callbackFailures", s.callbackFailures());
    }

    public static JsonObject poller(PollerStats s) {
        return new JsonObject()
                .put("name", s.name())
                .put("reactor", s.reactor())
                .put("periodNanos", s.periodNanos())
                .put("paused", s.paused())
                .put("runs", s.runs())
                .put("busyRuns", s.busyRuns())
                .put("failures", s.failures())
                .put("totalNanos", s.totalNanos())
                .put("maxNanos", s.maxNanos());
    }
}
