package io.quarkiverse.reactors.test.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.TimerHandle;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A timer created from another thread takes the queue's last slot; the caller's next operation on it finds the
 * queue full and travels beside it (an internal event is never refused), so it reaches the reactor before the
 * timer's start. The operations still take effect in call order: a timer disabled right after its creation
 * never fires, and a one-shot updated once fires once.
 * <p>
 * One event per batch and events that take a little time make the reactor give Netty a turn while the queue
 * still holds the start, which is when the operation beside the queue runs.
 */
public class TimerOrderBesideFullQueueTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(2)
            .overrideRuntimeConfigKey("quarkus.reactors.queue-capacity", "64")
            .overrideRuntimeConfigKey("quarkus.reactors.batch-size", "1");

    @Inject
    Reactors reactors;

    @Test
    void aTimerDisabledAfterItsCreationNeverFires() throws InterruptedException {
        AtomicInteger fired = new AtomicInteger();
        besideAFullQueue(reactors.reactor(1), fired, timer -> timer.update(Duration.ofMillis(-1)));
        assertEquals(0, fired.get(), "the disabled timer fired");
    }

    @Test
    void aOneShotUpdatedOnceFiresOnce() throws InterruptedException {
        AtomicInteger fired = new AtomicInteger();
        besideAFullQueue(reactors.reactor(1), fired, timer -> timer.update(Duration.ofMillis(1)));
        assertEquals(1, fired.get(), "the one-shot fired once");
    }

    /** Blocks the reactor's event loop, fills its queue but one slot, creates a timer there, then operates on it. */
    static void besideAFullQueue(Reactor reactor, AtomicInteger fired, Consumer<TimerHandle> operation)
            throws InterruptedException {
        Await.quiet(reactor);
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        reactor.context().runOnContext(v -> {
            blocked.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        blocked.await(10, TimeUnit.SECONDS);
        int capacity = reactor.stats().queueCapacity();
        for (int i = 0; i < capacity - 1; i++) {
            reactor.send(TimerOrderBesideFullQueueTest::spin200Micros);
        }
        TimerHandle timer = reactor.timer(Duration.ofMillis(1), fired::incrementAndGet);
        operation.accept(timer);
        release.countDown();
        Await.quiet(reactor);
        Await.sleep(200); // a late firing would show here
    }

    static void spin200Micros() {
        long end = System.nanoTime() + 200_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
