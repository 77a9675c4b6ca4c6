package io.quarkiverse.reactors.test.subscribers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.LogRecord;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.OnEvent;
import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Uni;

/** @OnEvent methods receive fired events of their type or a subtype, on the reactor the event was fired to. */
public class OnEventTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(2, Orders.class, Order.class, Priced.class, Cancel.class)
            .setLogRecordPredicate(r -> r.getLoggerName().startsWith("io.quarkiverse.reactors"))
            .assertLogRecords(records -> {
                assertTrue(records.stream().anyMatch(r -> formatted(r).contains("@OnEvent")
                        && formatted(r).contains("Orders#refuse(Cancel)")), "a throwing subscriber is logged");
                assertTrue(records.stream().anyMatch(r -> formatted(r).contains("failed asynchronously")),
                        "an asynchronous failure is logged");
            });

    static String formatted(LogRecord record) {
        return record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
    }

    public interface Priced {
        long price();
    }

    public record Order(String id, long price) implements Priced {
    }

    public record Cancel(String id) {
    }

    @Singleton
    public static class Orders {
        final List<String> seen = new CopyOnWriteArrayList<>();
        final Map<String, String> threads = new ConcurrentHashMap<>();
        final AtomicInteger async = new AtomicInteger();

        @OnEvent
        void onOrder(Order order) {
            seen.add("order " + order.id());
            threads.put("order " + order.id(), Thread.currentThread().getName());
        }

        @OnEvent
        void onPriced(Priced priced, Reactor reactor) {
            seen.add("priced " + priced.price() + " on " + reactor.id());
        }

        @OnEvent
        void refuse(Cancel cancel) {
            throw new IllegalStateException("cannot cancel " + cancel.id());
        }

        @OnEvent
        Uni<Void> asyncCancel(Cancel cancel) {
            async.incrementAndGet();
            return Uni.createFrom().failure(new IllegalStateException("async refusal of " + cancel.id()));
        }

        @OnEvent
        CompletionStage<Void> stageCancel(Cancel cancel) {
            seen.add("stage cancel " + cancel.id());
            return CompletableFuture.completedFuture(null);
        }
    }

    @Inject
    Reactors reactors;

    @Inject
    Orders orders;

    @Test
    void deliveredOnTheTargetReactorToEveryMatchingSubscriber() {
        orders.seen.clear();
        reactors.reactor(1).fire(new Order("a", 5));
        Await.until(() -> orders.seen.size() == 2);
        assertEquals(List.of("order a", "priced 5 on 1"), orders.seen, "declaration order, supertype matched");
        String reactor1 = Await.result(reactors.reactor(1).callAsync(() -> Thread.currentThread().getName()));
        assertEquals(reactor1, orders.threads.get("order a"));
    }

    @Test
    void firedToEveryReactor() {
        orders.seen.clear();
        reactors.fire(new Order("b", 7));
        Await.until(() -> orders.seen.size() == 4);
        assertTrue(orders.seen.containsAll(List.of("priced 7 on 0", "priced 7 on 1")), orders.seen.toString());
    }

    @Test
    void aThrowingSubscriberDoesNotStopTheOthers() {
        orders.seen.clear();
        long failedBefore = reactors.reactor(0).stats().failed();
        reactors.reactor(0).fire(new Cancel("c"));
        Await.until(() -> orders.seen.contains("stage cancel c"));
        Await.until(() -> orders.async.get() >= 1);
        Await.until(() -> reactors.reactor(0).stats().failed() == failedBefore + 1);
    }

    @Test
    void anEventNobodyAcceptsIsAnErrorAtTheCall() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> reactors.reactor(0).fire("text"));
        assertTrue(e.getMessage().contains("No @OnEvent method accepts events of type java.lang.String"), e.getMessage());
        assertTrue(e.getMessage().contains("Orders#onOrder(Order)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> reactors.fire(42));
        assertThrows(NullPointerException.class, () -> reactors.reactor(0).fire(null));
    }
}
