package io.quarkiverse.reactors.test.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.ReactorOverloadedException;
import io.quarkiverse.reactors.ReactorStats;
import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Events from one reactor to another travel in that pair's own lane: order per sender holds through a burst that
 * fills the lane, a full lane refuses only its own sender, and nothing stays unpublished when the sender goes idle.
 */
public class LanesBetweenReactorsTest {

    static final int CAPACITY = 64;

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(3)
            .overrideRuntimeConfigKey("quarkus.reactors.queue-capacity", String.valueOf(CAPACITY));

    @Inject
    Reactors reactors;

    /**
     * Reactor 0 sends 20 lanes' worth of numbered events to reactor 1 in one go, going on from where it stopped
     * (in a later event of its own) each time the lane is full: reactor 1 sees every number once, in order.
     */
    @Test
    void aBurstThatFillsTheLaneKeepsTheSendersOrder() {
        Reactor sender = reactors.reactor(0);
        Reactor receiver = reactors.reactor(1);
        int total = 20 * CAPACITY;
        List<Integer> seen = new ArrayList<>(); // touched on reactor 1 only
        CountDownLatch done = new CountDownLatch(1);
        ReactorStats before = receiver.stats();
        AtomicInteger refusals = burst(sender, total, n -> receiver.trySend(() -> {
            seen.add(n);
            if (n == total - 1) {
                done.countDown();
            }
        }));
        Await.until(() -> done.getCount() == 0);
        List<Integer> order = Await.onReactor(receiver, () -> List.copyOf(seen));
        assertEquals(total, order.size());
        for (int i = 0; i < total; i++) {
            assertEquals(i, order.get(i), "event " + i + " out of order");
        }
        assertTrue(refusals.get() > 0, "the burst filled the lane at least once");
        ReactorStats after = Await.quiet(receiver);
        assertEquals(before.rejected() + refusals.get(), after.rejected(), "each refusal counted once");
        assertEquals(after.accepted(), after.executed() + after.failed());
        assertEquals(0, after.queueDepth());
    }

    /**
     * The same burst with every other event a two-argument send (carried in the lane in place, without an event
     * object), one of which throws: the order holds across both kinds, the lane holds queue-capacity events of either
     * kind, and the counters count the throw as one failure.
     */
    @Test
    void twoArgumentSendsKeepTheSendersOrderAmongOtherEvents() {
        Reactor sender = reactors.reactor(0);
        Reactor receiver = reactors.reactor(1);
        int total = 20 * CAPACITY;
        int throwing = total / 2 + 1;
        List<Integer> seen = new ArrayList<>(); // touched on reactor 1 only
        CountDownLatch done = new CountDownLatch(1);
        java.util.function.BiConsumer<List<Integer>, Integer> record = (list, n) -> {
            list.add(n);
            if (n == total - 1) {
                done.countDown();
            }
            if (n == throwing) {
                throw new IllegalStateException("test failure in a two-argument event " + n);
            }
        };
        ReactorStats before = Await.quiet(receiver);
        AtomicInteger refusals = burst(sender, total,
                n -> n % 2 == 1 ? receiver.trySend(record, seen, n) : receiver.trySend(() -> seen.add(n)));
        Await.until(() -> done.getCount() == 0);
        ReactorStats after = Await.quiet(receiver);
        assertEquals(before.failed() + 1, after.failed(), "the throwing two-argument event counted once");
        assertEquals(before.executed() + total - 1, after.executed());
        assertEquals(before.rejected() + refusals.get(), after.rejected());
        assertEquals(after.accepted(), after.executed() + after.failed());
        List<Integer> order = Await.onReactor(receiver, () -> List.copyOf(seen));
        for (int i = 0; i < total; i++) {
            assertEquals(i, order.get(i), "event " + i + " out of order");
        }
        assertEquals(total, order.size());
        assertTrue(refusals.get() > 0, "the burst filled the lane at least once");
    }

    /**
     * Has {@code sender} offer events 0 to {@code total - 1} with {@code offer}, going on from where it stopped (in a
     * later event of its own, after its iteration published the lane) each time one is refused.
     *
     * @return the refusals, counted on the sender
     */
    private static AtomicInteger burst(Reactor sender, int total, java.util.function.IntPredicate offer) {
        AtomicInteger refusals = new AtomicInteger();
        sender.send(new Runnable() {
            int next;

            @Override
            public void run() {
                while (next < total) {
                    if (!offer.test(next)) {
                        refusals.incrementAndGet();
                        sender.send(this);
                        return;
                    }
                    next++;
                }
            }
        });
        return refusals;
    }

    /**
     * With reactor 2 held inside one event, reactor 0 fills its lane to reactor 2: the next send is refused with
     * the documented exception, naming the lane, while reactor 1 and a plain thread still get their events through.
     */
    @Test
    void aFullLaneRefusesOnlyItsOwnSender() throws Exception {
        Reactor target = reactors.reactor(2);
        ReactorStats before = target.stats();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        target.send(() -> {
            holding.countDown();
            await(release); // a test-only stall, so that the lanes fill
        });
        assertTrue(holding.await(10, TimeUnit.SECONDS));

        AtomicInteger ran = new AtomicInteger();
        int accepted = Await.onReactor(reactors.reactor(0), () -> {
            int n = 0;
            while (target.trySend(ran::incrementAndGet)) {
                n++;
            }
            return n;
        });
        assertEquals(CAPACITY, accepted, "the lane holds queue-capacity events");
        ReactorOverloadedException e = Await.onReactor(reactors.reactor(0),
                () -> assertThrows(ReactorOverloadedException.class, () -> target.send(ran::incrementAndGet)));
        assertEquals(2, e.reactor());
        assertEquals(CAPACITY, e.capacity());
        assertTrue(e.getMessage().contains("Reactor 2") && e.getMessage().contains("from reactor 0")
                && e.getMessage().contains("capacity " + CAPACITY)
                && e.getMessage().contains("quarkus.reactors.queue-capacity"), e.getMessage());

        assertTrue(Await.onReactor(reactors.reactor(1), () -> target.trySend(ran::incrementAndGet)),
                "another reactor's lane is not full");
        assertTrue(target.trySend(ran::incrementAndGet), "a plain thread uses the queue, which is not full");
        Await.until(() -> target.stats().queueDepth() == CAPACITY + 2);
        ReactorStats full = target.stats();
        assertEquals(before.rejected() + 2, full.rejected(), "the refused trySend and send");
        assertTrue(full.queueHighWaterMark() >= CAPACITY, String.valueOf(full));

        release.countDown();
        ReactorStats after = Await.quiet(target);
        Await.until(() -> ran.get() == CAPACITY + 2);
        assertEquals(after.accepted(), after.executed() + after.failed());
        assertEquals(before.accepted() + CAPACITY + 3, after.accepted(), "the stall, the lanes' events, the queue's");
        assertEquals(0, after.queueDepth());
    }

    /**
     * Sends made inside an iteration wait for its end, a few events never fill a lane's batch, and a send outside
     * any iteration (a Vert.x callback on the reactor's event loop) is published at once: in each case the
     * receiver runs everything while the sender has nothing more to do.
     */
    @Test
    void nothingStaysUnpublishedWhenTheSenderGoesIdle() {
        Reactor sender = reactors.reactor(0);
        Reactor receiver = reactors.reactor(1);
        AtomicInteger ran = new AtomicInteger();
        // from an event (inside the iteration), fewer events than a publication batch
        sender.send(() -> {
            for (int i = 0; i < 3; i++) {
                receiver.send(ran::incrementAndGet);
            }
        });
        Await.until(() -> ran.get() == 3);
        // from a timer callback (the iteration's timer phase)
        sender.timer(Duration.ofMillis(1), () -> receiver.send(ran::incrementAndGet));
        Await.until(() -> ran.get() == 4);
        // from a plain Vert.x callback on the sender's event loop (outside any iteration)
        sender.context().runOnContext(v -> receiver.send(ran::incrementAndGet));
        Await.until(() -> ran.get() == 5);
        // a call and its reply both cross lanes
        assertEquals(42, Await.result(Await.onReactor(sender,
                () -> receiver.call(() -> 42).subscribeAsCompletionStage())));
        assertFalse(Await.quiet(receiver).queueDepth() > 0);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
