package io.quarkiverse.reactors.it;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.it.TopK.Snapshot;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;

/**
 * A per-key leaderboard (the {@value #K} best scores of each key), three ways, for benchmark B6:
 * <ul>
 * <li>{@code /top/...}: on reactors, each key's {@link TopK} on its owner with no lock; a request that arrives on
 * the owner (always, through the owner's shard port) runs there at once, others hop with {@code call};</li>
 * <li>{@code /top-locked/...}: one {@link ConcurrentHashMap} of {@code TopK}, each behind its own lock;</li>
 * <li>{@code /top-global/...}: one {@link HashMap} behind one lock.</li>
 * </ul>
 * All three answer the same {@link Snapshot}.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class TopKResource {

    static final int K = 16;

    @Inject
    Reactors reactors;

    @Inject
    Leaderboards leaderboards;

    private final ConcurrentHashMap<String, TopK> lockPerKey = new ConcurrentHashMap<>();
    private final Map<String, TopK> oneLock = new HashMap<>();

    @POST
    @Path("top/{key}/{score}")
    public Uni<Snapshot> onOwner(@PathParam("key") String key, @PathParam("score") long score) {
        Reactor owner = reactors.forKey(key);
        return owner.call(() -> leaderboards.add(key, score));
    }

    @POST
    @Path("top-locked/{key}/{score}")
    @NonBlocking
    public Snapshot lockPerKey(@PathParam("key") String key, @PathParam("score") long score) {
        TopK top = lockPerKey.computeIfAbsent(key, k -> new TopK(K));
        synchronized (top) {
            return top.add(key, score);
        }
    }

    @POST
    @Path("top-global/{key}/{score}")
    @NonBlocking
    public Snapshot oneLock(@PathParam("key") String key, @PathParam("score") long score) {
        synchronized (oneLock) {
            return oneLock.computeIfAbsent(key, k -> new TopK(K)).add(key, score);
        }
    }
}
