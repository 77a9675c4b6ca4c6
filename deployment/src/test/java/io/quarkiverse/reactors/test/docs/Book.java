package io.quarkiverse.reactors.test.docs;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.reactors.OnEvent;
import io.quarkiverse.reactors.Reactor;
import io.smallrye.mutiny.Uni;

/** The @OnEvent example of annotations.adoc. */
// tag::on-event-example[]
@ApplicationScoped
public class Book {
    final AtomicLong orders = new AtomicLong();
    final AtomicLong priced = new AtomicLong();

    @OnEvent
    void onOrder(Order order) { // exact type
        orders.incrementAndGet();
    }

    @OnEvent
    void onPriced(Priced priced, Reactor reactor) { // a supertype matches too
        this.priced.addAndGet(priced.price());
    }

    @OnEvent
    Uni<Void> onAudit(Order order) { // awaited by deliver and request
        return Uni.createFrom().voidItem();
    }

    @OnEvent
    long count(OrderCount query) { // returns a value: answers request(...)
        return orders.get();
    }
}
// end::on-event-example[]
