package io.quarkiverse.reactors.it;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.reactors.Reactors;

/**
 * Per-core state: one plain {@link HashMap} per reactor. Shard {@code i} is only ever touched on
 * reactor {@code i}, so it needs no lock; {@code reactors.forKey(key)} says which shard owns a key.
 */
// tag::shards[]
@ApplicationScoped
public class Shards {

    private final Reactors reactors;
    private final Map<String, Long>[] shards; // shards[i] is only touched on reactor i

    @SuppressWarnings("unchecked")
    public Shards(Reactors reactors) {
        this.reactors = reactors;
        this.shards = new Map[reactors.count()];
        for (int i = 0; i < shards.length; i++) {
            shards[i] = new HashMap<>();
        }
    }

    /** @return the shard of the calling reactor; fails off a reactor thread */
    public Map<String, Long> local() {
        return shards[reactors.current().id()];
    }
}
// end::shards[]
