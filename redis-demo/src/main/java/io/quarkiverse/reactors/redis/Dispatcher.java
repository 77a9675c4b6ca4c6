package io.quarkiverse.reactors.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BinaryOperator;
import java.util.function.Function;

import io.vertx.core.buffer.Buffer;

/**
 * Routes each command of one reactor's connections. Key commands: on a cluster port, a key this reactor does
 * not own gets {@code MOVED} and keys of different slots get {@code CROSSSLOT}, so every command that runs,
 * runs here without a hop; on the plain port, a command hops to the reactor that owns its keys, or is split
 * across owners ({@link Fanout}). Keyless commands are answered here.
 * <p>
 * Order: work for this reactor's own keys runs at once, inside {@link #dispatch}; work for another reactor's
 * keys is one event to it, and events from one sender run in order. So the commands of one connection take
 * effect on each key in the order they were sent, hops or not.
 * <p>
 * Not thread-safe: one per (reactor, port kind); used only on its reactor.
 */
final class Dispatcher {

    static final String STARTING = "TRYAGAIN the cluster ports are still being opened; retry";

    private final RedisServer server;
    private final Shard shard;
    private final boolean cluster;

    Dispatcher(RedisServer server, Shard shard, boolean cluster) {
        this.server = server;
        this.shard = shard;
        this.cluster = cluster;
    }

    /**
     * Runs one command.
     *
     * @param out where a reply known at once is written
     * @return {@code null} when the reply was written to {@code out}, else the stage that yields it (completed on
     *         this reactor)
     */
    CompletionStage<Buffer> dispatch(byte[][] args, Buffer out, RedisConnection connection) {
        CommandSpec c = CommandSpec.lookup(args[0]);
        if (c == null) {
            Resp.error(out, unknownCommand(args));
            return null;
        }
        if (!c.arityAccepts(args.length) || (c == CommandSpec.MSET && args.length % 2 == 0)) {
            Resp.error(out, "ERR wrong number of arguments for '" + c.lowerName + "' command");
            return null;
        }
        return c.keyed() ? keyed(c, args, out) : ServerCommands.run(c, args, out, connection, this);
    }

    private CompletionStage<Buffer> keyed(CommandSpec c, byte[][] args, Buffer out) {
        HashSlots slots = server.slots();
        int last = c.lastKeyIndex(args.length);
        int slot = HashSlots.slot(args[c.firstKey]);
        int owner = slots.owner(slot);
        boolean sameSlot = true;
        boolean sameOwner = true;
        for (int i = c.firstKey + c.step; i <= last; i += c.step) {
            int s = HashSlots.slot(args[i]);
            sameSlot &= s == slot;
            sameOwner &= slots.owner(s) == owner;
        }
        if (cluster) {
            if (!sameSlot) {
                Resp.error(out, "CROSSSLOT Keys in request don't hash to the same slot");
            } else if (owner != shard.reactor.id()) {
                ClusterTopology topology = server.topology();
                // null only while the plain port is still being opened at startup
                Resp.error(out, topology == null ? STARTING : topology.moved(slot));
            } else {
                Commands.execute(c, args, shard.keyspace, out);
            }
            return null;
        }
        if (!sameOwner) {
            return Fanout.run(c, args, shard, server);
        }
        if (owner == shard.reactor.id()) {
            Commands.execute(c, args, shard.keyspace, out);
            return null;
        }
        Shard target = server.shard(owner);
        return target.reactor.callAsync(() -> {
            Buffer reply = Buffer.buffer();
            Commands.execute(c, args, target.keyspace, reply);
            return reply;
        });
    }

    /** @return whether this dispatcher serves a cluster port */
    boolean cluster() {
        return cluster;
    }

    Shard shard() {
        return shard;
    }

    RedisServer server() {
        return server;
    }

    /**
     * Runs {@code map} on every shard this port answers for and folds the results: on a cluster port only this
     * reactor's shard (one node of the cluster), on the plain port all of them, this one at once and the others
     * by one event each.
     */
    <T> CompletionStage<T> acrossShards(Function<Shard, T> map, BinaryOperator<T> reduce) {
        T local = map.apply(shard);
        if (cluster || server.count() == 1) {
            return CompletableFuture.completedFuture(local);
        }
        List<CompletableFuture<T>> parts = new ArrayList<>();
        for (int i = 0; i < server.count(); i++) {
            if (i != shard.reactor.id()) {
                Shard other = server.shard(i);
                parts.add(other.reactor.callAsync(() -> map.apply(other)).toCompletableFuture());
            }
        }
        return CompletableFuture.allOf(parts.toArray(new CompletableFuture<?>[0])).thenApply(v -> {
            T total = local;
            for (CompletableFuture<T> p : parts) {
                total = reduce.apply(total, p.join());
            }
            return total;
        });
    }

    /** Redis' own wording, so that clients and people recognise it. */
    private static String unknownCommand(byte[][] args) {
        StringBuilder s = new StringBuilder("ERR unknown command '").append(text(args[0]))
                .append("', with args beginning with: ");
        for (int i = 1; i < args.length && s.length() < 256; i++) {
            s.append('\'').append(text(args[i])).append("' ");
        }
        return s.toString();
    }

    static String text(byte[] bytes) {
        String s = new String(bytes, 0, Math.min(bytes.length, 128), StandardCharsets.UTF_8);
        return s.replace('\r', ' ').replace('\n', ' ');
    }

    static String upper(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).toUpperCase(Locale.ROOT);
    }
}
