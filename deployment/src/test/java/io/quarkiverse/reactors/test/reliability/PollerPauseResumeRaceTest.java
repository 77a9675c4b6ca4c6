package io.quarkiverse.reactors.test.reliability;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.PollerHandle;
import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code pause()} and {@code resume()} racing on two threads: the last call wins. One thread pauses while the
 * other resumes as soon as {@code paused()} is true; after each round the poller is not paused and is called
 * again.
 */
public class PollerPauseResumeRaceTest {

    static final int ROUNDS = 300;

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(2);

    @Inject
    Reactors reactors;

    @Test
    void theLastCallWinsWhateverTheThreads() throws InterruptedException {
        for (Duration period : new Duration[] { Duration.ZERO, Duration.ofMillis(1) }) {
            AtomicLong calls = new AtomicLong();
            PollerHandle poller = reactors.reactor(1).poller("race-" + period.toMillis(), () -> {
                calls.incrementAndGet();
                return 0;
            }, period);
            for (int round = 0; round < ROUNDS; round++) {
                Thread pauser = new Thread(poller::pause, "pauser");
                Thread resumer = new Thread(() -> {
                    while (!poller.paused()) {
                        Thread.onSpinWait();
                    }
                    poller.resume();
                }, "resumer");
                resumer.start();
                pauser.start();
                pauser.join();
                resumer.join();
                assertFalse(poller.paused(), "resume() came last");
                long before = calls.get();
                int r = round;
                try {
                    Await.until(() -> calls.get() > before);
                } catch (AssertionError e) {
                    throw new AssertionError("round " + r + ", period " + period + ": the resumed poller is never called",
                            e);
                }
            }
            poller.cancel();
        }
    }
}
