package io.quarkiverse.reactors.test.timers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.TimerHandle;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;

/**
 * update(d) on a one-shot that has not fired yet re-arms it d from the update (libvirt's virEventUpdateTimeout):
 * a one-shot an hour away fires soon after update(1ms), once; a disabled one fires after the next update.
 */
public class TimerUpdatePendingOneShotTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(1);

    @Inject
    Reactors reactors;

    @Test
    void aPendingOneShotFiresTheNewDelayFromTheUpdate() {
        AtomicInteger fired = new AtomicInteger();
        TimerHandle timer = reactors.reactor(0).timer(Duration.ofHours(1), fired::incrementAndGet);
        timer.update(Duration.ofMillis(1));
        Await.until(() -> fired.get() == 1);
        Await.onReactor(reactors.reactor(0), () -> null);
        assertEquals(1, fired.get(), "a one-shot fires once");
    }

    @Test
    void aDisabledOneShotFiresAfterTheNextUpdate() {
        AtomicInteger fired = new AtomicInteger();
        TimerHandle timer = reactors.reactor(0).timer(Duration.ofHours(1), fired::incrementAndGet);
        timer.update(Duration.ofMillis(-1));
        timer.update(Duration.ofMillis(2));
        Await.until(() -> fired.get() == 1);
    }
}
