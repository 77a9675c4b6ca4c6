package io.quarkiverse.reactors.test.docs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkiverse.reactors.Reactors;
import io.quarkus.runtime.StartupEvent;

/** Creates every reactor's Shard at startup instead of on first use. */
// tag::per-core-eager[]
@ApplicationScoped
public class EagerShards {
    @Inject
    Reactors reactors;
    @Inject
    Shard shard;

    void createOnEveryReactor(@Observes StartupEvent event) {
        // the startup thread is not a reactor: it may wait
        reactors.broadcast(() -> shard.size()).await().indefinitely();
    }
}
// end::per-core-eager[]
