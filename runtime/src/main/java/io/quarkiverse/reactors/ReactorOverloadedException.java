package io.quarkiverse.reactors;

/**
 * Thrown (or used to fail a {@code Uni}) when an event is submitted to a reactor whose event queue is full, or, from
 * another reactor, whose lane from that reactor is full.
 * <p>
 * The event was not queued and will not run: the caller decides whether to retry, shed load or
 * use {@link Reactor#trySend(Runnable)} to poll for capacity. The message names the reactor and its capacity.
 */
public class ReactorOverloadedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int reactor;
    private final int capacity;

    public ReactorOverloadedException(int reactor, int capacity) {
        super("Reactor " + reactor + " rejected an event: its event queue is full (capacity " + capacity
                + "). Slow down the sender, use trySend() to react to back-pressure, or raise quarkus.reactors.queue-capacity");
        this.reactor = reactor;
        this.capacity = capacity;
    }

    /**
     * A full bound other than the event queue, such as the offloaded tasks pending for a reactor.
     *
     * @param message says what was full and which setting bounds it
     */
    public ReactorOverloadedException(int reactor, int capacity, String message) {
        super(message);
        this.reactor = reactor;
        this.capacity = capacity;
    }

    /** @return the id of the reactor whose queue was full */
    public int reactor() {
        return reactor;
    }

    /** @return the capacity of that reactor's event queue (each lane from another reactor has the same) */
    public int capacity() {
        return capacity;
    }
}
