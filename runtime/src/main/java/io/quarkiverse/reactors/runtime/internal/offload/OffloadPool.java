package io.quarkiverse.reactors.runtime.internal.offload;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkiverse.reactors.ReactorOverloadedException;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorImpl;

/**
 * A dedicated worker pool for {@code Reactor.offload} ({@code quarkus.reactors.offload.pool}): its own
 * threads and a bounded queue, so that slow blocking work of the reactors cannot starve the Vert.x worker
 * pool that the rest of the application uses, and a full queue is an error rather than growth without bound.
 * Results go back to the reactor that asked, as internal events.
 */
public final class OffloadPool {

    private final String name;
    private final int queueSize;
    private final int capacity;
    /** Tasks accepted and not finished: at most {@link #capacity}, the threads plus the queue bound. */
    private final AtomicInteger accepted = new AtomicInteger();
    private final ThreadPoolExecutor executor;
    /** Per reactor: its ordered tasks, run one after the other. */
    private final Map<ReactorImpl, Lane> lanes = new ConcurrentHashMap<>();

    public OffloadPool(String name, int size, int queueSize) {
        this.name = name;
        this.queueSize = queueSize;
        this.capacity = size + queueSize;
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "reactors-offload-" + name + "-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs {@code task} on the pool and settles {@code done} with its result or failure on {@code reactor}'s
     * thread. A full queue refuses the task with {@link ReactorOverloadedException}: at once, on the caller's
     * thread, or, for an ordered task that waited for its turn, on the reactor.
     */
    public <T> void execute(ReactorImpl reactor, Callable<T> task, boolean ordered, PendingOffload<T> done) {
        if (ordered) {
            lanes.computeIfAbsent(reactor, r -> new Lane()).add(reactor, task, done);
        } else {
            submit(reactor, task, done, null);
        }
    }

    private <T> void submit(ReactorImpl reactor, Callable<T> task, PendingOffload<T> done, Lane lane) {
        // The bound is counted here rather than by the executor's queue: a burst into a bounded queue is refused
        // while idle threads have not yet taken the tasks ahead of it.
        if (accepted.incrementAndGet() > capacity) {
            accepted.decrementAndGet();
            refuse(reactor, done, lane, "is full (" + queueSize + " tasks queued, quarkus.reactors.offload.queue-size)");
            return;
        }
        try {
            executor.execute(() -> {
                // the result is queued to the reactor before the next ordered task starts: results arrive in order
                done.run(reactor, task);
                accepted.decrementAndGet();
                if (lane != null) {
                    lane.next();
                }
            });
        } catch (RejectedExecutionException e) {
            accepted.decrementAndGet();
            refuse(reactor, done, lane, "is shut down");
        }
    }

    private <T> void refuse(ReactorImpl reactor, PendingOffload<T> done, Lane lane, String why) {
        ReactorOverloadedException refused = new ReactorOverloadedException(reactor.id(), queueSize, "Reactor "
                + reactor.id() + " could not offload a task: offload pool '" + name + "' " + why);
        if (lane == null) {
            done.settle(reactor, null, refused);
        } else {
            // a lane submits its next task from a pool thread: the caller must still hear on its reactor
            done.deliver(reactor, null, refused);
            lane.next();
        }
    }

    /**
     * At shutdown, after the reactors stopped: they waited for the pending offloads up to the shutdown timeout and
     * failed the rest with {@code ReactorStoppedException}, so tasks still queued here are dropped unrun and running
     * ones are interrupted; this waits at most {@code timeout} for them to end.
     */
    public void shutdown(Duration timeout) {
        executor.shutdownNow();
        try {
            executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "offload pool '" + name + "' (" + executor.getMaximumPoolSize() + " threads, queue " + queueSize + ")";
    }

    /** One reactor's ordered tasks: the next is submitted when the previous one has finished. */
    private final class Lane {
        private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
        private boolean running;

        synchronized <T> void add(ReactorImpl reactor, Callable<T> task, PendingOffload<T> done) {
            Runnable submission = () -> submit(reactor, task, done, this);
            if (running) {
                waiting.add(submission); // bounded by the reactor's max-pending offloads
            } else {
                running = true;
                submission.run();
            }
        }

        void next() {
            Runnable submission;
            synchronized (this) {
                submission = waiting.poll();
                if (submission == null) {
                    running = false;
                    return;
                }
            }
            submission.run();
        }
    }
}
