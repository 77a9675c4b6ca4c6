package io.quarkiverse.reactors.benchmarks;

/** Tells load generators running on other threads when to stop. */
final class RunFlag {
    volatile boolean running = true;
}
