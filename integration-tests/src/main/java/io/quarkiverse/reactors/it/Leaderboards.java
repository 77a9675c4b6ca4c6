package io.quarkiverse.reactors.it;

import java.util.HashMap;
import java.util.Map;

import io.quarkiverse.reactors.PerCore;

/** Per-core leaderboards: one instance per reactor, each holding the {@link TopK}s of the keys that reactor owns. */
@PerCore
public class Leaderboards {

    private final Map<String, TopK> byKey = new HashMap<>();

    /** Adds a score to {@code key}'s leaderboard; on the calling reactor's instance, so only on the key's owner. */
    public TopK.Snapshot add(String key, long score) {
        return byKey.computeIfAbsent(key, k -> new TopK(TopKResource.K)).add(key, score);
    }
}
