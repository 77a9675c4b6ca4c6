package io.quarkiverse.reactors.test.docs;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Singleton;

import io.quarkiverse.reactors.Poller;
import io.quarkiverse.reactors.Reactor;

/** The skipExecutionIf example of annotations.adoc. */
// tag::skip-predicate[]
@Singleton // a bean: looked up in the container
public class WhileMaintenance implements Poller.SkipPredicate {
    final AtomicBoolean on = new AtomicBoolean(); // read on every reactor: thread-safe

    @Override
    public boolean test(Reactor reactor, String poller) {
        return on.get(); // true: skip this run, counted as idle
    }
}
// end::skip-predicate[]
