package io.quarkiverse.reactors;

/**
 * Thrown (or used to fail a {@code Uni}) when an event is submitted to a reactor after the application
 * began to shut down, or when a pending call could not complete because its reactor has terminated.
 * <p>
 * An event rejected with this exception was not queued and will not run.
 */
public class ReactorStoppedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int reactor;

    public ReactorStoppedException(int reactor, String what) {
        super("Reactor " + reactor + " " + what);
        this.reactor = reactor;
    }

    /** @return the id of the reactor that is stopped */
    public int reactor() {
        return reactor;
    }
}
