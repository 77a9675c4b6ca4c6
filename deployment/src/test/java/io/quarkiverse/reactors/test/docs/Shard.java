package io.quarkiverse.reactors.test.docs;

import java.util.HashMap;
import java.util.Map;

import jakarta.annotation.PostConstruct;

import io.quarkiverse.reactors.PerCore;
import io.quarkiverse.reactors.Poller;

/** The @PerCore example of annotations.adoc. */
// tag::per-core-example[]
@PerCore
public class Shard {
    final Map<String, Long> map = new HashMap<>(); // one per reactor: no lock
    String createdOn;
    long sweeps;

    @PostConstruct
    void init() { // runs on the owning reactor, when it first uses the bean
        createdOn = Thread.currentThread().getName();
    }

    long increment(String key) {
        return map.merge(key, 1L, Long::sum);
    }

    int size() {
        return map.size();
    }

    @Poller(every = "10m") // each reactor polls its own instance
    void sweep() {
        sweeps++;
    }
}
// end::per-core-example[]
