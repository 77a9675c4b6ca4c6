package io.quarkiverse.reactors.runtime.internal.reactor;

import java.util.function.BiConsumer;

import io.quarkiverse.reactors.runtime.internal.events.EventMailbox;
import io.quarkiverse.reactors.runtime.internal.events.MailboxConsumer;
import io.quarkiverse.reactors.runtime.internal.events.ReactorEvent;
import io.vertx.core.impl.ContextInternal;

/** What a batch writes, between the paddings; owned by the reactor's thread. */
abstract class RunnerState extends PaddedBefore {
    /** Events of the batch running now that failed; counted by {@code runEvent}, published by {@code runBatch}. */
    long batchFailures;
}

/** Cache-line padding after the runner's state; see {@link PaddedBefore}. */
@SuppressWarnings("unused")
abstract class RunnerPadAfter extends RunnerState {
    private long q00, q01, q02, q03, q04, q05, q06, q07;
    private long q08, q09, q10, q11, q12, q13, q14, q15;
}

/**
 * Runs a reactor's events: the batches its loop drains from the {@link EventMailbox}, and the events that travelled
 * beside a full queue as Netty tasks of their own. A failing event is logged and counted, never allowed to end the
 * batch; the counters are published once per batch, not per event, so that the reactor does not write a cache line
 * that stats readers share on every event.
 * <p>
 * Owned by the reactor's thread: every method runs there, except {@link #abandon}, which runs on whichever thread
 * finds the event loop terminated. Padded ({@link PaddedBefore}): the failure count is written on every batch.
 */
final class EventRunner extends RunnerPadAfter implements MailboxConsumer {

    private final ReactorImpl reactor;
    private final ContextInternal context;
    private final LoopPhase phase;
    private final ReactorCounters counters;

    EventRunner(ReactorImpl reactor, ContextInternal context, LoopPhase phase, ReactorCounters counters) {
        this.reactor = reactor;
        this.context = context;
        this.phase = phase;
        this.counters = counters;
    }

    /**
     * On the reactor, inside its iteration: runs up to {@code limit} events from {@code mailbox}.
     *
     * @return how many events ran, failed ones included
     */
    int runBatch(EventMailbox mailbox, int limit) {
        batchFailures = 0;
        int ran = mailbox.drain(limit);
        long bad = batchFailures;
        counters.eventsRan(ran - bad, bad);
        return ran;
    }

    /** Runs one event from the mailbox's drain; a failure is counted for the batch. */
    @Override
    public void runEvent(Object event) {
        if (!run(event)) {
            batchFailures++;
        }
    }

    /** Runs a two-argument send that a lane carried in place (as {@code BiEvent} runs one from the queue). */
    @Override
    public void runPair(BiConsumer<Object, Object> task, Object a, Object b) {
        try {
            task.accept(a, b);
        } catch (Throwable t) {
            reactor.logFailure("event", task, t);
            batchFailures++;
        }
    }

    private boolean run(Object event) {
        if (event instanceof ReactorEvent reactorEvent) {
            try {
                return reactorEvent.execute(reactor);
            } catch (Throwable t) {
                reactor.logFailure("event", event, t); // e.g. a subscriber of a call's Uni that threw on completion
                return false;
            }
        }
        Runnable task = (Runnable) event;
        try {
            task.run();
            return true;
        } catch (Throwable t) {
            reactor.logFailure("event", task, t);
            return false;
        }
    }

    /** An event the full queue could not take, run as a Netty task of its own. */
    @Override
    public void runBesideQueue(ReactorEvent event) {
        ContextInternal previous = context.beginDispatch();
        phase.enter(LoopPhase.EVENTS);
        try {
            if (run(event)) {
                counters.eventsRan(1, 0);
            } else {
                counters.eventsRan(0, 1);
            }
        } finally {
            phase.enter(LoopPhase.OUTSIDE);
            context.endDispatch(previous);
        }
    }

    /** After the event loop terminated: tells whoever waits for {@code event} (a pending call fails). */
    @Override
    public boolean abandon(Object event) {
        return event instanceof ReactorEvent reactorEvent && reactorEvent.abandon(reactor);
    }
}
