package io.quarkiverse.reactors.runtime.internal.ingress;

import java.util.List;
import java.util.OptionalInt;

import org.jboss.logging.Logger;

import io.quarkiverse.reactors.Reactors;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The application's shard-aware ingress: the key map and, when {@code quarkus.reactors.http.shard-port-base} is
 * set, one HTTP port per reactor serving the application's routes. {@link #describe()} is what
 * {@code GET /q/reactors/shards} returns.
 * <p>
 * Created at runtime init; {@link #listen} and {@link #close} run on the startup and shutdown thread.
 * {@link #describe()} may be called from any thread (an HTTP request's event loop): it reads immutable state and
 * one volatile field.
 */
public final class ShardIngress {

    private static final Logger LOG = Logger.getLogger("io.quarkiverse.reactors");

    private final Reactors reactors;
    private final ShardPortRange range;
    private volatile boolean tls;
    private ShardHttpServers servers;

    private ShardIngress(Reactors reactors, ShardPortRange range) {
        this.reactors = reactors;
        this.range = range;
    }

    /**
     * @param base {@code quarkus.reactors.http.shard-port-base}
     * @param httpPresent whether the application has Quarkus' HTTP server
     * @throws IllegalArgumentException when the range is invalid, or shard ports are asked for without an HTTP server
     */
    public static ShardIngress create(Reactors reactors, OptionalInt base, boolean httpPresent) {
        if (base.isEmpty()) {
            return new ShardIngress(reactors, null);
        }
        if (!httpPresent) {
            throw new IllegalArgumentException(ShardPortRange.PROPERTY + "=" + base.getAsInt()
                    + " is set but the application has no HTTP server: add quarkus-rest (or quarkus-vertx-http) to serve"
                    + " routes on the shard ports, or remove the property. For a TCP protocol, bind one NetServer per"
                    + " reactor from reactor.context() instead.");
        }
        return new ShardIngress(reactors, ShardPortRange.of(base.getAsInt(), reactors.count()));
    }

    /** @return whether shard ports are configured */
    public boolean enabled() {
        return range != null;
    }

    /**
     * Binds every shard port to Quarkus' application router, with the main server's options. A no-op without
     * shard ports.
     *
     * @throws IllegalArgumentException when a shard port is the main or management port
     * @throws IllegalStateException when a port cannot be bound
     */
    public void listen(LaunchMode mode) {
        if (range == null) {
            return;
        }
        range.checkDisjointFrom(MainServerOptions.takenPorts(mode));
        HttpServerOptions template = MainServerOptions.template(mode);
        tls = template.isSsl();
        // getRootHandler() is the handler the main server runs: it looks up the current application router on each
        // request, so the shard ports follow live reload and see every route, filter and security handler.
        servers = ShardHttpServers.listen(reactors, range, template, VertxHttpRecorder.getRootHandler());
        LOG.infof("Shard ports %s on %s (%s): reactor i serves the application's routes on port %d+i", range,
                template.getHost(), tls ? "https" : "http", range.port(0));
    }

    /** Stops listening on the shard ports. */
    public void close() {
        if (servers != null) {
            servers.close();
            servers = null;
        }
    }

    /** @return the reactor count, the key map and the shard ports, as served by {@code GET /q/reactors/shards} */
    public JsonObject describe() {
        List<Integer> ports = range == null ? List.of() : range.ports();
        return new JsonObject()
                .put("count", reactors.count())
                .put("hash", KeyMap.HASH_NAME)
                .put("keyBytes", "String: UTF-8; byte[]: itself; Long/Integer/Short/Byte: signed 64-bit big-endian;"
                        + " UUID: 16 bytes big-endian; other: hashCode() as 4 bytes big-endian")
                .put("owner", "(murmur3_x86_32(keyBytes, seed 0) as unsigned 32-bit * count) >>> 32")
                .put("enabled", range != null)
                .put("scheme", range == null ? null : tls ? "https" : "http")
                .put("ports", new JsonArray(ports));
    }
}
