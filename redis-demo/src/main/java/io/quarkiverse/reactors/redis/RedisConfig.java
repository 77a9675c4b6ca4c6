package io.quarkiverse.reactors.redis;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The Redis demo's settings ({@code redis.*} in {@code application.properties}, or system properties). */
@ConfigMapping(prefix = "redis")
public interface RedisConfig {

    /** The address every port binds to, and that {@code CLUSTER SLOTS} and {@code MOVED} announce. */
    @WithDefault("127.0.0.1")
    String host();

    /**
     * The plain port, for clients that know nothing of clusters: it is served by every reactor (Vert.x spreads
     * its connections across them) and each key hops to the reactor that owns it. {@code 0} picks a free port.
     */
    @WithDefault("6379")
    int port();

    /**
     * The first cluster port: reactor {@code i} listens on {@code cluster-port-base + i} and serves every
     * connection there itself, as one Redis Cluster master owning its slot range. {@code 0} picks a free
     * port for each reactor (what the tests do); {@code CLUSTER SLOTS} reports the ports chosen.
     */
    @WithDefault("7000")
    int clusterPortBase();

    /** The longest bulk string (key or value) a request may carry; a longer announced length closes the connection. */
    @WithDefault("4194304")
    int maxBulkLength();

    /** The most arguments a request may have. */
    @WithDefault("65536")
    int maxArgs();

    /** The longest inline command line (a request not in RESP array form). */
    @WithDefault("65536")
    int maxInlineLength();

    /** The most bytes one unfinished request may hold on a connection: the bound of its input buffer. */
    @WithDefault("16777216")
    int maxRequestLength();

    /**
     * The most commands of one connection waiting for their reply (pipelined commands that hopped to other
     * reactors); beyond it the connection stops reading until replies have been written.
     */
    @WithDefault("1024")
    int maxPendingReplies();
}
