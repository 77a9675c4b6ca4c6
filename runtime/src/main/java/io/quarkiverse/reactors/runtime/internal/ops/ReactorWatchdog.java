package io.quarkiverse.reactors.runtime.internal.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.jboss.logging.Logger;

import io.quarkiverse.reactors.runtime.internal.reactor.LoopPhase;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorActivity;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorGroup;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorImpl;
import io.vertx.core.impl.VertxThread;

/**
 * Watches every reactor from one daemon thread: the reactors only publish counters (see
 * {@link ReactorActivity#progress()}), and this thread compares them between looks, so the loops pay nothing
 * for being watched.
 * <p>
 * <b>Run time.</b> A reactor's thread <em>runs</em> one piece of work from the moment it is inside a task of its
 * event loop (Vert.x records when each task in a Vert.x context began: the reactor loop's slices, HTTP handlers,
 * watch readiness, Vert.x timers) and has begun no event, callback or iteration of its own since this thread
 * last saw it move. A piece that runs longer than the maximum run time is reported, every time, once: the first
 * warning of a reactor in {@link #TRACE_INTERVAL_NANOS} carries the thread's stack trace, later ones are one line
 * naming the frame. Time the stack shows spent loading or initializing classes, or creating a CDI bean on its
 * first use (the warm-up of a fresh application's first requests), is not counted, nor time this thread lost to a
 * JVM pause; time the thread is RUNNABLE (computing, or in blocking I/O) counts for 1/{@value #RUNNABLE_WEIGHT}, so
 * sleeping or waiting (for a lock, a future) is reported after the maximum run time, computing after five times it. Looks come
 * every quarter of the maximum run time, so a report may come up to a quarter early or late.
 * <p>
 * <b>Stalls.</b> A reactor is <em>stuck</em> while it has work (an iteration due or events queued) and has begun
 * no event, callback or iteration since this thread last saw it move. Stuck longer than the stall threshold:
 * {@link #stalls()} reports it, for the readiness check. A reactor that is parked with nothing queued, or that
 * keeps iterating (even spinning), is never stuck.
 * <p>
 * <b>Where.</b> What a report says the reactor runs comes from the {@link LoopPhase} its loop publishes (events,
 * pollers, timers, watches, or outside the loop), not from method names in the stack; the stack only gives the
 * topmost frame of the application's code.
 * <p>
 * Owned by its own daemon thread; {@link #stalls()} may be called from any thread.
 */
public final class ReactorWatchdog {

    private static final Logger LOG = Logger.getLogger("io.quarkiverse.reactors.watchdog");

    /** At most one warning with a stack trace per reactor in this period; the others are one line. */
    static final long TRACE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);
    /**
     * Time the thread spends RUNNABLE outside warm-up counts for this fraction: code that sleeps, waits for a lock
     * or a future is reported after max-run-time, code that computes or does blocking I/O after this many times it.
     */
    static final int RUNNABLE_WEIGHT = 5;
    private static final long MIN_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long MAX_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final ReactorImpl[] reactors;
    private final long maxRunNanos;
    private final long stallNanos;
    private final long tickNanos;
    private final Watched[] watched;
    /** Run on this thread after each look at the reactors (the meters' poller discovery). */
    private final List<Runnable> afterLook = new CopyOnWriteArrayList<>();
    private final Thread thread;
    /** Whether the application has started: startup work on the event loops (binding servers) is no stall. */
    private final BooleanSupplier started;
    private volatile boolean running = true;

    /** What this thread knows of one reactor; written by this thread only, read by {@link #stalls()}. */
    private static final class Watched {
        long progress = Long.MIN_VALUE;
        /** When this thread last saw the reactor move or idle; volatile for stalls() on other threads. */
        volatile long movedAt;
        /** The run-time check's view: the progress it last saw, and the piece of work running since then. */
        long runProgress = Long.MIN_VALUE;
        /** When the event-loop task running at the last look began (Vert.x's clock), 0 when none was running. */
        long task;
        /** When the current piece of work began, as far as this thread can tell. */
        long runningSince;
        /** Of that, time not counted: warm-up seen in the stack, or a JVM pause. */
        long excused;
        long lastLook;
        boolean reported;
        long lastTrace = Long.MIN_VALUE / 2;
    }

    /** A reactor stuck longer than the stall threshold. */
    public record Stall(int reactor, String thread, long stuckNanos, String where) {
    }

    /**
     * @param maxRunNanos a warning after this long without progress; 0 for none
     * @param stallNanos {@link #stalls()} reports reactors stuck longer than this
     * @param started whether the application has started; nothing is reported before
     */
    public ReactorWatchdog(ReactorGroup group, long maxRunNanos, long stallNanos, BooleanSupplier started) {
        this.started = started;
        this.reactors = group.reactorArray();
        this.maxRunNanos = maxRunNanos;
        this.stallNanos = stallNanos;
        long shortest = maxRunNanos > 0 ? Math.min(maxRunNanos, stallNanos) : stallNanos;
        // a quarter of the shortest limit: a stall is noticed at most a quarter late
        this.tickNanos = Math.max(MIN_TICK_NANOS, Math.min(MAX_TICK_NANOS, shortest / 4));
        this.watched = new Watched[reactors.length];
        long now = System.nanoTime();
        for (int i = 0; i < watched.length; i++) {
            watched[i] = new Watched();
            watched[i].movedAt = now;
        }
        this.thread = new Thread(this::watch, "reactors-watchdog");
        thread.setDaemon(true);
    }

    public ReactorWatchdog start() {
        thread.start();
        return this;
    }

    public void stop() {
        running = false;
        thread.interrupt();
    }

    /**
     * Runs {@code task} on this thread after each look at the reactors (every tick): for housekeeping that must
     * never run on a reactor thread, such as creating meters for new pollers. A task that throws is logged at debug
     * level and runs again at the next tick.
     */
    public void afterEachLook(Runnable task) {
        afterLook.add(task);
    }

    /** @return the reactors stuck longer than the stall threshold now, with what each is stuck in */
    public List<Stall> stalls() {
        List<Stall> stalls = new ArrayList<>();
        long now = System.nanoTime();
        for (int i = 0; i < reactors.length; i++) {
            long stuck = now - watched[i].movedAt;
            // look again: the reactor may have moved since this thread's last look
            if (stuck > stallNanos && reactors[i].activity().hasWork()) {
                ReactorImpl reactor = reactors[i];
                Thread t = reactor.thread();
                stalls.add(new Stall(i, t.getName(), stuck, where(reactor, t.getStackTrace())));
            }
        }
        return stalls;
    }

    private void watch() {
        long last = System.nanoTime();
        while (running) {
            try {
                TimeUnit.NANOSECONDS.sleep(tickNanos);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            // This thread woke far too late: the whole JVM was paused (a GC, a suspended VM), or this thread waited
            // for a CPU. That time is nobody's stall: it is taken off, rather than restarting the count, so that a
            // reactor that is really stuck stays reported (readiness must not flap UP on a loaded machine).
            long late = now - last - tickNanos;
            long pausedNanos = late > Math.max(tickNanos, maxRunNanos / 2) ? late : 0;
            last = now;
            for (int i = 0; i < reactors.length; i++) {
                try {
                    look(reactors[i], watched[i], now, pausedNanos);
                } catch (RuntimeException e) {
                    LOG.debugf(e, "Could not watch reactor %d", i);
                }
            }
            for (Runnable task : afterLook) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.debugf(e, "Housekeeping task %s failed", task);
                }
            }
        }
    }

    private void look(ReactorImpl reactor, Watched w, long now, long pausedNanos) {
        long progress = reactor.activity().progress();
        if (progress != w.progress || !reactor.activity().hasWork() || !started.getAsBoolean()) {
            w.progress = progress;
            w.movedAt = now;
        } else if (pausedNanos > 0) {
            w.movedAt = Math.min(now, w.movedAt + pausedNanos);
        }
        if (maxRunNanos > 0) {
            checkRunTime(reactor, w, progress, now, pausedNanos);
        }
    }

    /** Reports a piece of work on the reactor's thread that runs longer than the maximum run time; see the class doc. */
    private void checkRunTime(ReactorImpl reactor, Watched w, long progress, long now, long pausedNanos) {
        Thread t = reactor.thread();
        long task = taskStart(t);
        if (task == 0 || !started.getAsBoolean()) {
            w.task = 0; // parked in the selector, or between tasks: nothing runs
            w.runProgress = progress;
            return;
        }
        if (task != w.task || progress != w.runProgress) {
            // A new task, or the reactor began an event, callback or iteration since the last look: a new task with
            // no such progress began at its own start; after progress, the piece running now began at some point
            // since the last look, so it is counted from now (at most a look late, never early).
            w.runningSince = progress != w.runProgress ? now : task;
            w.task = task;
            w.runProgress = progress;
            w.excused = 0;
            w.reported = false;
            w.lastLook = w.runningSince;
        }
        long running = now - w.runningSince;
        if (w.reported || running <= tickNanos) {
            w.lastLook = now;
            return;
        }
        Thread.State state = t.getState();
        StackTraceElement[] stack = t.getStackTrace();
        if (taskStart(t) != task || reactor.activity().progress() != progress) {
            return; // it moved on while the stack was taken; the next look starts a new count
        }
        long since = now - w.lastLook;
        w.lastLook = now;
        if (pausedNanos > 0 || warmingUp(stack) || inLoopOnly(stack)) {
            // Warm-up (class loading, class initialization, a bean's first creation) is a one-time cost of a fresh
            // application, not blocking. Only the loop's own code on the stack means the thread waited for a CPU.
            w.excused += since;
        } else if (state == Thread.State.RUNNABLE) {
            // Computing (or in blocking I/O) rather than waiting: counted at 1/RUNNABLE_WEIGHT. Cold code of a
            // fresh application (Jackson building its serializers on the first JSON response) runs for about
            // max-run-time on a loaded machine, and a thread that waits for a CPU is RUNNABLE too.
            w.excused += since - since / RUNNABLE_WEIGHT;
        }
        if (running - w.excused > maxRunNanos) {
            w.reported = true;
            boolean trace = now - w.lastTrace >= TRACE_INTERVAL_NANOS;
            if (trace) {
                w.lastTrace = now;
            }
            warn(reactor, t, stack, running - w.excused, trace);
        }
    }

    /**
     * @return when the event-loop task that {@code thread} runs began ({@link System#nanoTime()}), 0 when it runs
     *         none; Vert.x records it for its own blocked-thread checker, which reads it the same way
     */
    static long taskStart(Thread thread) {
        return thread instanceof VertxThread vertxThread ? vertxThread.startTime() : 0;
    }

    /**
     * @return whether the stack shows warm-up: loading, defining or initializing a class, linking a lambda, or ArC
     *         creating a bean (on its first use, for the normal scopes)
     */
    static boolean warmingUp(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            String cls = frame.getClassName();
            String method = frame.getMethodName();
            if (method.equals("<clinit>") || method.equals("loadClass") || method.startsWith("defineClass")
                    || method.equals("findClass")
                    || cls.equals("java.lang.Class") && method.startsWith("forName")
                    || cls.startsWith("java.lang.invoke.") && (cls.contains("LambdaMetafactory")
                            || cls.equals("java.lang.invoke.MethodHandleNatives"))
                    || cls.endsWith("_Bean") && (method.equals("create") || method.equals("doCreate"))) {
                return true;
            }
        }
        return false;
    }

    /** The loop's code lives in the subpackages of {@code runtime.internal} (the mailbox, timers, pollers...). */
    private static final String INTERNAL_PACKAGES = "io.quarkiverse.reactors.runtime.internal.";

    /** @return whether the topmost frame outside the JDK is the reactor loop's own code */
    static boolean inLoopOnly(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            String cls = frame.getClassName();
            if (cls.startsWith("java.") || cls.startsWith("jdk.") || cls.startsWith("sun.")) {
                continue;
            }
            return cls.startsWith(INTERNAL_PACKAGES);
        }
        return false;
    }

    private void warn(ReactorImpl reactor, Thread t, StackTraceElement[] stack, long runNanos, boolean withTrace) {
        String message = "Reactor %d (%s) has been running %s for %d ms, longer than quarkus.reactors.max-run-time"
                + " (%d ms): a reactor must never block.";
        Object[] parameters = { reactor.id(), t.getName(), where(reactor, stack), TimeUnit.NANOSECONDS.toMillis(runNanos),
                TimeUnit.NANOSECONDS.toMillis(maxRunNanos) };
        if (withTrace) {
            BlockedReactorException trace = new BlockedReactorException(t.getName());
            trace.setStackTrace(stack);
            LOG.warnf(trace, message + " Its thread's stack trace follows.", parameters);
        } else {
            LOG.warnf(message + " (The stack trace was logged with an earlier warning of this reactor.)", parameters);
        }
    }

    /**
     * Describes what the reactor runs: the part of its loop it published ({@link LoopPhase}), and the topmost frame
     * of the code it called (skipping the JDK, Netty, Vert.x and this extension's own frames).
     */
    static String where(ReactorImpl reactor, StackTraceElement[] stack) {
        String what = reactor.activity().runningWhat();
        for (StackTraceElement frame : stack) {
            if (!isPlumbing(frame.getClassName())) {
                return what + ", at " + frame;
            }
        }
        return what;
    }

    private static boolean isPlumbing(String cls) {
        return cls.startsWith("java.") || cls.startsWith("jdk.") || cls.startsWith("sun.") || cls.startsWith("io.netty.")
                || cls.startsWith("io.vertx.") || cls.startsWith("io.quarkiverse.reactors.runtime.");
    }

    /** Carries a stalled reactor thread's stack trace into the log; never thrown. */
    static final class BlockedReactorException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        BlockedReactorException(String thread) {
            super("Stack trace of reactor thread " + thread, null, false, true);
        }
    }
}
