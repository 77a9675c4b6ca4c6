package io.quarkiverse.reactors.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.vertx.core.buffer.Buffer;

/**
 * A multi-key command on the plain port whose keys belong to several reactors ({@code MGET}, {@code MSET},
 * {@code DEL}, {@code EXISTS}): each owner does its keys, the serving reactor its own at once and the others
 * by one event per owner, and the parts are put back together in key order. Unlike Redis, an {@code MSET}
 * split this way is not atomic: a reader may see some of its keys set before the others.
 * <p>
 * Stateless; called on the serving reactor.
 */
final class Fanout {

    private Fanout() {
    }

    static CompletionStage<Buffer> run(CommandSpec c, byte[][] args, Shard here, RedisServer server) {
        int n = server.count();
        int last = c.lastKeyIndex(args.length);
        List<List<Integer>> positions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            positions.add(new ArrayList<>());
        }
        for (int i = c.firstKey; i <= last; i += c.step) {
            positions.get(server.slots().ownerOf(args[i])).add(i);
        }
        Object[] results = new Object[args.length];
        List<CompletableFuture<Void>> parts = new ArrayList<>();
        for (int owner = 0; owner < n; owner++) {
            int[] mine = positions.get(owner).stream().mapToInt(Integer::intValue).toArray();
            if (mine.length == 0) {
                continue;
            }
            Shard target = server.shard(owner);
            if (target == here) {
                // at once, not as an event to itself: this reactor's keys then see the commands in order
                Object[] partial = new Object[mine.length];
                applyInto(c, args, mine, target.keyspace, partial);
                scatter(mine, partial, results);
            } else {
                parts.add(target.reactor.callAsync(() -> {
                    Object[] partial = new Object[mine.length];
                    applyInto(c, args, mine, target.keyspace, partial);
                    return partial;
                }).thenAccept(partial -> scatter(mine, partial, results)).toCompletableFuture());
            }
        }
        return CompletableFuture.allOf(parts.toArray(new CompletableFuture<?>[0]))
                .thenApply(v -> reply(c, args, last, results));
    }

    private static void scatter(int[] positions, Object[] partial, Object[] results) {
        for (int j = 0; j < positions.length; j++) {
            results[positions[j]] = partial[j];
        }
    }

    /** Runs on the owner of the keys at {@code mine}. */
    private static void applyInto(CommandSpec c, byte[][] args, int[] mine, Keyspace ks, Object[] partial) {
        for (int j = 0; j < mine.length; j++) {
            byte[] key = args[mine[j]];
            partial[j] = switch (c) {
                case MGET -> ks.get(key);
                case DEL -> ks.delete(key);
                case EXISTS -> ks.exists(key);
                case MSET -> {
                    ks.set(key, args[mine[j] + 1], 0);
                    yield Boolean.TRUE;
                }
                default -> throw new IllegalStateException("not a multi-key command: " + c);
            };
        }
    }

    private static Buffer reply(CommandSpec c, byte[][] args, int last, Object[] results) {
        Buffer out = Buffer.buffer();
        switch (c) {
            case MGET -> {
                Resp.array(out, args.length - 1);
                for (int i = 1; i <= last; i++) {
                    Resp.bulk(out, (byte[]) results[i]);
                }
            }
            case DEL, EXISTS -> {
                long count = 0;
                for (int i = 1; i <= last; i++) {
                    count += Boolean.TRUE.equals(results[i]) ? 1 : 0;
                }
                Resp.integer(out, count);
            }
            case MSET -> Resp.ok(out);
            default -> throw new IllegalStateException("not a multi-key command: " + c);
        }
        return out;
    }
}
