package io.quarkiverse.reactors.test.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.subscription.UniSubscriber;
import io.smallrye.mutiny.subscription.UniSubscription;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;

/** A call runs on the target and its reply completes on the caller's reactor, in the caller's context. */
public class CallTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(2);

    @Inject
    Reactors reactors;

    record Observed(Thread ranOn, Thread completedOn, Context completedIn, Context callerContext, Object outcome) {
    }

    /** From reactor 0, calls reactor 1 and records where things happened. */
    private Observed callFromReactor0(java.util.function.Supplier<Object> task, boolean useDuplicatedContext) {
        CompletableFuture<Observed> observed = new CompletableFuture<>();
        reactors.reactor(0).send(() -> {
            Context caller = Vertx.currentContext();
            if (useDuplicatedContext) {
                // as an HTTP request handler would be: a duplicated context on the reactor's loop
                caller = ((ContextInternal) caller).duplicate();
            }
            Context callerContext = caller;
            Thread[] ranOn = new Thread[1];
            callerContext.runOnContext(v -> reactors.reactor(1).call(() -> {
                ranOn[0] = Thread.currentThread();
                return task.get();
            }).subscribe().with(
                    value -> observed.complete(new Observed(ranOn[0], Thread.currentThread(), Vertx.currentContext(),
                            callerContext, value)),
                    failure -> observed.complete(new Observed(ranOn[0], Thread.currentThread(),
                            Vertx.currentContext(), callerContext, failure))));
        });
        return Await.result(observed);
    }

    private Thread threadOf(Reactor reactor) {
        return Await.result(reactor.callAsync(Thread::currentThread));
    }

    @Test
    void replyCompletesOnTheCallersReactorAndContext() {
        Observed o = callFromReactor0(() -> 42, false);
        assertEquals(42, o.outcome());
        assertSame(threadOf(reactors.reactor(1)), o.ranOn(), "the task runs on the target");
        assertSame(threadOf(reactors.reactor(0)), o.completedOn(), "the reply completes on the caller's reactor");
        assertSame(o.callerContext(), o.completedIn());
    }

    @Test
    void replyRestoresTheCallersDuplicatedContext() {
        Observed o = callFromReactor0(() -> "hi", true);
        assertEquals("hi", o.outcome());
        assertSame(threadOf(reactors.reactor(0)), o.completedOn());
        assertSame(o.callerContext(), o.completedIn(), "request-scoped context data survives the hop");
    }

    @Test
    void aThrowingTaskFailsTheUniWithItsException() {
        IllegalStateException boom = new IllegalStateException("boom");
        Observed o = callFromReactor0(() -> {
            throw boom;
        }, false);
        assertSame(boom, o.outcome());
        assertSame(threadOf(reactors.reactor(0)), o.completedOn());
    }

    @Test
    void fromANonReactorThreadTheUniCompletesOnTheTarget() {
        Thread[] completedOn = new Thread[1];
        Integer value = reactors.reactor(1).call(() -> 7)
                .invoke(() -> completedOn[0] = Thread.currentThread())
                .await().atMost(Await.TIMEOUT);
        assertEquals(7, value);
        assertSame(threadOf(reactors.reactor(1)), completedOn[0]);
    }

    @Test
    void callAsyncIsEagerAndFailsWithTheTasksException() {
        UnsupportedOperationException boom = new UnsupportedOperationException("nope");
        assertSame(boom, Await.failure(reactors.reactor(1).callAsync(() -> {
            throw boom;
        })));
        assertEquals("ok", Await.result(reactors.reactor(0).callAsync(() -> "ok")));
    }

    @Test
    void callIsLazyAndRunsOncePerSubscription() {
        AtomicInteger runs = new AtomicInteger();
        Reactor target = reactors.reactor(1);
        var uni = target.call(runs::incrementAndGet);
        // FIFO per sender: had the call been submitted, it would run before this marker
        Await.result(target.callAsync(() -> null));
        assertEquals(0, runs.get(), "nothing runs before subscription");
        assertEquals(1, uni.await().atMost(Await.TIMEOUT));
        assertEquals(2, uni.await().atMost(Await.TIMEOUT));
    }

    @Test
    void callingTheOwnReactorNeverOvertakesQueuedEvents() {
        Reactor r0 = reactors.reactor(0);
        CompletableFuture<String> order = new CompletableFuture<>();
        r0.send(() -> {
            StringBuilder seen = new StringBuilder();
            // nothing queued: the call runs at once
            r0.call(() -> seen.append("inline,")).subscribe().with(v -> {
            });
            // an event queued first: the call waits for it, FIFO per sender
            r0.send(() -> seen.append("queued,"));
            r0.call(() -> seen.append("after")).subscribe().with(v -> order.complete(seen.toString()));
        });
        assertEquals("inline,queued,after", Await.result(order));
    }

    @Test
    void callingTheOwnReactorCompletesInline() {
        CompletableFuture<Thread[]> threads = new CompletableFuture<>();
        Reactor r0 = reactors.reactor(0);
        r0.send(() -> r0.call(Thread::currentThread).subscribe()
                .with(ran -> threads.complete(new Thread[] { ran, Thread.currentThread() })));
        Thread[] t = Await.result(threads);
        assertSame(t[0], t[1]);
        assertSame(threadOf(r0), t[0]);
    }

    @Test
    void aCallCancelledAfterItWasSentRunsButItsReplyIsDropped() {
        Reactor target = reactors.reactor(1);
        AtomicReference<UniSubscription> subscription = new AtomicReference<>();
        AtomicInteger runs = new AtomicInteger();
        List<Object> signals = new CopyOnWriteArrayList<>();
        target.call(() -> {
            // cancelled while it runs: the reply is on its way when the subscriber no longer wants it
            subscription.get().cancel();
            return runs.incrementAndGet();
        }).subscribe().withSubscriber(recording(subscription::set, signals));
        // FIFO per sender: the call and its reply (completed on the target: the caller is no reactor) come first
        Await.result(target.callAsync(() -> null));
        assertEquals(1, runs.get(), "the call ran");
        assertEquals(List.of(), signals, "no item after cancel");
    }

    @Test
    void aCallCancelledOnSubscriptionIsNeverSent() {
        Reactor target = reactors.reactor(1);
        AtomicInteger runs = new AtomicInteger();
        List<Object> signals = new CopyOnWriteArrayList<>();
        target.call(runs::incrementAndGet).subscribe().withSubscriber(recording(UniSubscription::cancel, signals));
        Await.result(target.callAsync(() -> null));
        assertEquals(0, runs.get(), "nothing sent");
        assertEquals(List.of(), signals);
    }

    @Test
    void aSubscriberThatThrowsOnAnInlineReplyIsSignalledOnce() {
        Reactor r0 = reactors.reactor(0);
        List<Object> signals = new CopyOnWriteArrayList<>();
        CompletableFuture<String> subscribed = new CompletableFuture<>();
        r0.send(() -> {
            // nothing queued on the caller's own reactor: the reply is delivered inside subscribe
            r0.call(() -> 1).subscribe().withSubscriber(new UniSubscriber<Integer>() {
                @Override
                public void onSubscribe(UniSubscription subscription) {
                }

                @Override
                public void onItem(Integer item) {
                    signals.add(item);
                    throw new IllegalStateException("the subscriber's own failure");
                }

                @Override
                public void onFailure(Throwable failure) {
                    signals.add(failure);
                }
            });
            subscribed.complete("subscribe returned");
        });
        assertEquals("subscribe returned", Await.result(subscribed));
        assertEquals(List.of(1), signals, "one item, and no failure after it");
    }

    /** A subscriber that hands its subscription to {@code onSubscribe} and records every item and failure. */
    private static UniSubscriber<Integer> recording(Consumer<UniSubscription> onSubscribe, List<Object> signals) {
        return new UniSubscriber<>() {
            @Override
            public void onSubscribe(UniSubscription subscription) {
                onSubscribe.accept(subscription);
            }

            @Override
            public void onItem(Integer item) {
                signals.add(item);
            }

            @Override
            public void onFailure(Throwable failure) {
                signals.add(failure);
            }
        };
    }
}
