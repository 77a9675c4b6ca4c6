package io.quarkiverse.reactors.runtime.internal.ops;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The watchdog excuses a reactor whose topmost frame outside the JDK is the loop's own code (it waited for a CPU),
 * wherever in the internal subpackages that code lives, and never when the application's code is on top.
 */
class InLoopOnlyTest {

    private static StackTraceElement frame(String cls, String method) {
        return new StackTraceElement(cls, method, cls.substring(cls.lastIndexOf('.') + 1) + ".java", 1);
    }

    @Test
    void theLoopsOwnCodeInAnyInternalSubpackageIsTheLoop() {
        for (String cls : new String[] { "io.quarkiverse.reactors.runtime.internal.reactor.ReactorLoop",
                "io.quarkiverse.reactors.runtime.internal.events.EventMailbox",
                "io.quarkiverse.reactors.runtime.internal.timers.TimerWheel",
                "io.quarkiverse.reactors.runtime.internal.pollers.PollerSet" }) {
            assertTrue(ReactorWatchdog.inLoopOnly(new StackTraceElement[] {
                    frame("java.lang.Thread", "onSpinWait"), frame(cls, "run"), frame("io.netty.Loop", "run") }), cls);
        }
    }

    @Test
    void theApplicationsCodeOnTopIsNotTheLoop() {
        assertFalse(ReactorWatchdog.inLoopOnly(new StackTraceElement[] {
                frame("java.lang.Thread", "sleep"), frame("com.example.Orders", "save"),
                frame("io.quarkiverse.reactors.runtime.internal.reactor.ReactorLoop", "run") }));
        assertFalse(ReactorWatchdog.inLoopOnly(new StackTraceElement[] {
                frame("io.quarkiverse.reactors.runtime.ReactorsRecorder", "start") }));
    }
}
