package io.quarkiverse.reactors.redis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.Reactors;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;

/**
 * Starts the Redis-protocol servers on the reactors: for every reactor, a cluster port of its own and a
 * share of the plain port. Each server is created and listened from inside its reactor's event-loop context,
 * so Vert.x serves every connection it accepts on that reactor: a connection to reactor {@code i}'s cluster
 * port is served by reactor {@code i} and by no other thread.
 * <p>
 * Thread-safe: started once on the main thread; afterwards read-only.
 */
@ApplicationScoped
public class RedisServer {

    private static final Logger LOG = Logger.getLogger(RedisServer.class);

    @Inject
    Reactors reactors;

    @Inject
    Vertx vertx;

    @Inject
    RedisConfig config;

    private final AtomicLong connectionIds = new AtomicLong();
    private final List<NetServer> servers = new ArrayList<>();
    private HashSlots slots;
    private Shard[] shards;
    private volatile ClusterTopology topology;
    private volatile int plainPort;

    void start(@Observes StartupEvent event) throws Exception {
        int n = reactors.count();
        slots = new HashSlots(n);
        shards = new Shard[n];
        for (int i = 0; i < n; i++) {
            shards[i] = new Shard(reactors.reactor(i));
        }
        if (config.port() < 0 || config.port() > 65535) {
            throw new IllegalArgumentException("redis.port=" + config.port() + " is not a TCP port; use 1..65535, or 0 "
                    + "for a free port");
        }
        int base = config.clusterPortBase();
        if (base < 0 || (base > 0 && base + n - 1 > 65535)) {
            throw new IllegalArgumentException("redis.cluster-port-base=" + base + " does not leave room for " + n
                    + " consecutive ports (one per reactor) below 65536; choose a base of at most " + (65536 - n)
                    + ", or 0 for free ports");
        }
        int[] clusterPorts = new int[n];
        for (int i = 0; i < n; i++) {
            clusterPorts[i] = listen(shards[i], base == 0 ? 0 : base + i, true);
        }
        topology = new ClusterTopology(slots, config.host(), clusterPorts);
        // Vert.x shares one bound port among the servers listening on it, spreading connections across their
        // contexts; a negative port is its way to share one free port, picked at the first listen
        int plain = config.port() == 0 ? -1 : config.port();
        for (int i = 0; i < n; i++) {
            int bound = listen(shards[i], plain, false);
            if (i == 0) {
                plainPort = bound;
            }
        }
        LOG.infof("Redis demo: plain port %d (any reactor, keys hop to their owner); cluster ports %s "
                + "(reactor i on the i-th port, owning slots [i*16384/%d, (i+1)*16384/%d))", plainPort,
                Arrays.toString(clusterPorts), n, n);
    }

    /** Listens from inside {@code shard}'s reactor context and waits (on the main thread) until bound. */
    private int listen(Shard shard, int port, boolean cluster) throws Exception {
        Reactor reactor = shard.reactor;
        Dispatcher dispatcher = new Dispatcher(this, shard, cluster);
        CompletableFuture<NetServer> bound = new CompletableFuture<>();
        // tag::redis-cluster-listen[]
        reactor.context().runOnContext(v -> {
            // on reactor i's thread, in its context: Vert.x serves this server's connections here
            NetServer server = vertx.createNetServer(new NetServerOptions().setHost(config.host()).setTcpNoDelay(true));
            server.connectHandler(socket -> new RedisConnection(socket, dispatcher, shard, config,
                    connectionIds.incrementAndGet()).start());
            server.listen(port).onComplete(ar -> {
                if (ar.succeeded()) {
                    bound.complete(ar.result());
                } else {
                    bound.completeExceptionally(ar.cause());
                }
            });
        });
        // end::redis-cluster-listen[]
        try {
            NetServer server = bound.get(30, TimeUnit.SECONDS);
            synchronized (servers) {
                servers.add(server);
            }
            return server.actualPort();
        } catch (ExecutionException e) {
            throw new IllegalStateException("The Redis demo could not listen on " + config.host() + ":" + port + " ("
                    + (cluster ? "cluster port of reactor " + reactor.id() + "; set redis.cluster-port-base"
                            : "plain port; set redis.port")
                    + " to free ports, or 0 to pick free ones): " + e.getCause().getMessage(), e.getCause());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        synchronized (servers) {
            servers.forEach(NetServer::close);
            servers.clear();
        }
    }

    /** @return the plain port, for clients that are not cluster-aware */
    public int plainPort() {
        return plainPort;
    }

    /** @return reactor {@code reactor}'s cluster port */
    public int clusterPort(int reactor) {
        return topology.port(reactor);
    }

    /** @return the number of reactors, which is the number of cluster nodes */
    public int count() {
        return shards.length;
    }

    HashSlots slots() {
        return slots;
    }

    Shard shard(int reactor) {
        return shards[reactor];
    }

    ClusterTopology topology() {
        return topology;
    }
}
