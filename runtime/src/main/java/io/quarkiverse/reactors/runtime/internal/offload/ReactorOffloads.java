package io.quarkiverse.reactors.runtime.internal.offload;

import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

import io.quarkiverse.reactors.ReactorOverloadedException;
import io.quarkiverse.reactors.ReactorStoppedException;
import io.quarkiverse.reactors.runtime.internal.events.CallCompletion;
import io.quarkiverse.reactors.runtime.internal.events.EventMailbox;
import io.quarkiverse.reactors.runtime.internal.events.ReplyUni;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorImpl;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.impl.ContextInternal;

/**
 * A reactor's offloaded tasks: the bound on those pending, where they run (a dedicated {@link OffloadPool} or the
 * Vert.x worker pool), and, at shutdown, the failure of those that outlive the shutdown timeout.
 * <p>
 * Thread-safe: {@link #offload} and {@link #settled} are called from any thread; {@link #failPending} at shutdown.
 */
public final class ReactorOffloads {

    private static final Logger LOG = Logger.getLogger(ReactorOffloads.class);

    private final ReactorImpl reactor;
    private final ContextInternal context;
    private final EventMailbox mailbox;
    private final int maxPending;
    /** The dedicated offload pool, or null for the Vert.x worker pool. */
    private volatile OffloadPool pool;
    /** Offloaded tasks accepted and not settled: the bound's count ({@link #offloads} is the list). */
    private final AtomicInteger pending = new AtomicInteger();
    /** Offloaded tasks accepted and not settled, for the shutdown to fail those that outlive its timeout. */
    private final Set<PendingOffload<?>> offloads = ConcurrentHashMap.newKeySet();

    /**
     * @param mailbox the reactor's mailbox: its closed flag refuses offloads, its rejected count counts refusals
     * @param maxPending {@code quarkus.reactors.offload.max-pending}
     */
    public ReactorOffloads(ReactorImpl reactor, ContextInternal context, EventMailbox mailbox, int maxPending) {
        this.reactor = reactor;
        this.context = context;
        this.mailbox = mailbox;
        this.maxPending = maxPending;
    }

    /** Sends offloaded tasks to a dedicated pool instead of the Vert.x worker pool; set once, at startup. */
    public void offloadTo(OffloadPool pool) {
        this.pool = pool;
    }

    /**
     * Runs {@code task} off the reactor; its outcome comes back to the reactor as an event. Lazy: each subscription
     * offloads once; a refusal (too many pending, or stopped) fails the {@code Uni}.
     */
    public <T> Uni<T> offload(Callable<T> task, boolean ordered) {
        return Infrastructure.onUniCreation(new ReplyUni<T>() {
            @Override
            protected void send(CallCompletion<T> completion) {
                submit(task, ordered, completion);
            }
        });
    }

    /** One subscription's offload: refused, or accepted and listed until its outcome settles {@code completion}. */
    private <T> void submit(Callable<T> task, boolean ordered, CallCompletion<T> completion) {
        if (mailbox.closed()) {
            completion.fail(mailbox.refuseClosed());
            return;
        }
        if (pending.incrementAndGet() > maxPending) {
            pending.decrementAndGet();
            mailbox.countRejected();
            completion.fail(new ReactorOverloadedException(reactor.id(), maxPending, "Reactor " + reactor.id()
                    + " refused to offload a task: " + maxPending + " offloaded tasks are"
                    + " already pending. Slow down, or raise quarkus.reactors.offload.max-pending"));
            return;
        }
        PendingOffload<T> offload = new PendingOffload<>(completion);
        // Listed before the closed flag is read again, and the shutdown closes the mailbox before it fails what
        // is listed: either this call sees the stop, or the shutdown sees this offload.
        offloads.add(offload);
        if (mailbox.closed()) {
            offload.settle(reactor, null, mailbox.refuseClosed());
            return;
        }
        try {
            OffloadPool dedicated = pool;
            if (dedicated != null) {
                dedicated.execute(reactor, task, ordered, offload);
                return;
            }
            // The worker queues the outcome to the reactor itself, rather than through the Future that
            // executeBlocking returns: Vert.x drops a completion that finds the event loop terminated, ours is
            // then failed with ReactorStoppedException. Ordered tasks queue their outcomes in order.
            context.executeBlocking(() -> {
                offload.run(reactor, task);
                return null;
            }, ordered);
        } catch (RuntimeException e) {
            // a pool that refused the task (shut down meanwhile): settled once, here, never again by the shutdown
            offload.settle(reactor, null, e);
        }
    }

    /** Any thread: an offload's {@code Uni} was settled. */
    void settled(PendingOffload<?> offload) {
        if (offloads.remove(offload)) {
            pending.decrementAndGet();
        }
    }

    /** @return offloaded tasks accepted and not yet settled */
    public int pending() {
        return pending.get();
    }

    /** At shutdown, after the wait for them: every offload not settled yet fails with ReactorStoppedException. */
    public void failPending() {
        int failed = 0;
        for (PendingOffload<?> offload : offloads.toArray(new PendingOffload<?>[0])) {
            if (offload.settle(reactor, null, new ReactorStoppedException(reactor.id(),
                    "stopped before an offloaded task ended (quarkus.reactors.shutdown-timeout passed)"))) {
                failed++;
            }
        }
        if (failed > 0) {
            LOG.warnf("Reactor %d: %d offloaded tasks were still running when the shutdown timeout passed: their Unis"
                    + " failed with ReactorStoppedException", reactor.id(), failed);
        }
    }
}
