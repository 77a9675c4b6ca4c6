package io.quarkiverse.reactors.redis;

import io.quarkiverse.reactors.Reactor;

/**
 * One reactor's part of the cache: its {@link Keyspace} and its counters.
 * <p>
 * Not thread-safe: owned by {@link #reactor}; read and written only on it (other reactors reach it with
 * events, as {@code INFO} does with {@code mapReduce}).
 */
final class Shard {

    final Reactor reactor;
    final Keyspace keyspace;
    /** Connections now open on this reactor (plain and cluster port). */
    long clients;
    long connectionsReceived;
    long commandsProcessed;
    long protocolErrors;

    Shard(Reactor reactor) {
        this.reactor = reactor;
        this.keyspace = new Keyspace(reactor);
    }

    /** What {@code INFO} reports, summed over shards on the plain port. */
    record Counts(long keys, long expiring, long clients, long connectionsReceived, long commandsProcessed,
            long protocolErrors) {

        Counts plus(Counts o) {
            return new Counts(keys + o.keys, expiring + o.expiring, clients + o.clients,
                    connectionsReceived + o.connectionsReceived, commandsProcessed + o.commandsProcessed,
                    protocolErrors + o.protocolErrors);
        }
    }

    Counts counts() {
        return new Counts(keyspace.size(), keyspace.expiring(), clients, connectionsReceived, commandsProcessed,
                protocolErrors);
    }
}
