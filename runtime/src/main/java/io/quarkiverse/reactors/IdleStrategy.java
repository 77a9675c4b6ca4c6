package io.quarkiverse.reactors;

/**
 * What a reactor does when an iteration found no work: no event, no busy poller, no due timer.
 * Chosen with {@code quarkus.reactors.idle-strategy}.
 */
public enum IdleStrategy {

    /**
     * Sleep in the event loop's selector, like plain Vert.x, until an event, a due timer or periodic
     * poller, or I/O wakes it (SPDK's interrupt mode). An idle application uses next to no CPU. The
     * every-iteration pollers run whenever the reactor wakes and, while all of them report idle, at least
     * every {@code quarkus.reactors.idle-poll-interval}.
     */
    PARK,

    /**
     * Spin, then yield, then park for growing periods (Agrona's {@code BackoffIdleStrategy}): low latency
     * right after work, little CPU once idle for a while.
     */
    BACKOFF,

    /**
     * Never sleep: iterate continuously (SPDK's polled mode). Lowest latency; one core fully busy per
     * reactor. Vert.x I/O on that loop is still served between iterations. With nothing to do the reactor pauses
     * the core between iterations and yields it once in a while, so that on a machine with more runnable threads
     * than cores the thread it waits for can run.
     */
    SPIN
}
