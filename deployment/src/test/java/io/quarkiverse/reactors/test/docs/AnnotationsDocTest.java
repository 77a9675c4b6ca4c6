package io.quarkiverse.reactors.test.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.PerCore;
import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Uni;

/** The examples of annotations.adoc and of the events section of index.adoc, run. */
public class AnnotationsDocTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(4, Ring.class, Ingest.class, WhileMaintenance.class, Priced.class,
            Order.class, OrderCount.class, Book.class, Shard.class, EagerShards.class);

    @Inject
    Reactors reactors;

    @Inject
    Book book;

    @Inject
    Shard shard;

    @Inject
    Ingest ingest;

    /** The instances behind the client proxies: their fields are the state (a proxy's fields are its own). */
    Book book() {
        return ClientProxy.unwrap(book);
    }

    @Test
    void events() {
        long before = book().orders.get();
        // tag::events-example[]
        reactors.reactor(2).fire(new Order("o-1", 10)); // delivered on reactor 2, fire-and-forget
        reactors.fire(new Order("o-2", 11)); // delivered on every reactor
        Uni<Void> ran = reactors.deliver(new Order("o-3", 12)); // completes once every reactor ran it
        Uni<Long> seen = reactors.reactor(2).request(new OrderCount()); // Book#count's value, from reactor 2
        // end::events-example[]
        ran.await().atMost(Await.TIMEOUT);
        assertEquals(before + 1 + 4 + 4, book().orders.get(), "fire(reactor 2) once, fire and deliver on each of 4");
        assertEquals(before + 9, seen.await().atMost(Await.TIMEOUT));
        assertEquals(10 + 11 * 4 + 12 * 4, book().priced.get(), "the supertype subscriber saw every order");
    }

    @Test
    void perCoreInstancesWereCreatedEagerlyOnTheirReactors() {
        for (Reactor reactor : reactors.all()) {
            // reads the context's instances without creating one: EagerShards created them at startup
            assertEquals(1, Await.onReactor(reactor, () -> Arc.container().getActiveContext(PerCore.class).getState()
                    .getContextualInstances().size()), "reactor " + reactor.id() + " has its Shard already");
        }
        Set<String> threads = reactors.all().stream()
                .map(r -> Await.onReactor(r,
                        () -> Thread.currentThread().getName() + "=" + ClientProxy.unwrap(shard).createdOn))
                .collect(Collectors.toSet());
        assertEquals(4, threads.size());
        for (String pair : threads) {
            String[] parts = pair.split("=");
            assertEquals(parts[0], parts[1], "@PostConstruct ran on the owning reactor");
        }
        assertEquals(3L, Await.result(reactors.reactor(1).callAsync(() -> {
            shard.increment("a");
            shard.increment("a");
            return shard.increment("a");
        })));
        assertEquals(0, Await.onReactor(reactors.reactor(2), () -> shard.size()), "reactor 2 has its own map");
    }

    @Test
    void pollersRun() {
        Await.until(() -> ClientProxy.unwrap(ingest).reports.get() > 0);
        assertTrue(reactors.pollers("Ingest#pollRing").size() == 4);
        assertEquals(1, reactors.pollers("flush").stream().filter(p -> p.reactor() == 0).count());
        assertEquals(4, reactors.pollers("Shard#sweep").size(), "the @PerCore bean's poller runs on every reactor");
    }
}
