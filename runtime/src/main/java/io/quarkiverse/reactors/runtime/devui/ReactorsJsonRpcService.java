package io.quarkiverse.reactors.runtime.devui;

import jakarta.inject.Inject;

import io.quarkiverse.reactors.PollerHandle;
import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.runtime.internal.ops.StatsJson;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The Dev UI's JSON-RPC service (dev mode only): the reactors' and pollers' stats, polled by the card for live
 * numbers, and pausing or resuming a named poller. Unlike the read-only {@code /q/reactors} endpoint it can change
 * something, which is why it exists only in dev mode.
 */
public class ReactorsJsonRpcService {

    @Inject
    Reactors reactors;

    /** For CDI: the Dev UI makes this class a bean. */
    public ReactorsJsonRpcService() {
    }

    public ReactorsJsonRpcService(Reactors reactors) {
        this.reactors = reactors;
    }

    /** @return every reactor's stats, as at {@code /q/reactors} */
    public JsonArray getReactors() {
        JsonArray all = new JsonArray();
        reactors.all().forEach(r -> all.add(StatsJson.reactor(r.stats())));
        return all;
    }

    /** @return every poller's stats, as at {@code /q/reactors/pollers} */
    public JsonArray getPollers() {
        return StatsJson.pollers(reactors).getJsonArray("pollers");
    }

    /** @return the poller's stats after pausing it */
    public JsonObject pause(int reactor, String name) {
        PollerHandle poller = poller(reactor, name);
        poller.pause();
        return StatsJson.poller(poller.stats());
    }

    /** @return the poller's stats after resuming it */
    public JsonObject resume(int reactor, String name) {
        PollerHandle poller = poller(reactor, name);
        poller.resume();
        return StatsJson.poller(poller.stats());
    }

    private PollerHandle poller(int reactor, String name) {
        return reactors.reactor(reactor).pollers().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Reactor " + reactor + " has no poller named '" + name
                        + "'; its pollers: " + reactors.reactor(reactor).pollers().stream().map(PollerHandle::name).toList()));
    }
}
