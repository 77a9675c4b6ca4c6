package io.quarkiverse.reactors;

/**
 * A snapshot of one reactor's event counters, taken by {@link Reactor#stats()}.
 * <p>
 * Immutable; the counters are read without stopping the reactor: the reactor publishes them at the end
 * of each batch of events, so while events are in flight they may lag by up to one batch. Once the
 * reactor is quiet (its batch ended and the queue is empty),
 * {@code accepted == executed + failed} and {@code queueDepth == 0} (at any moment,
 * {@code accepted == executed + failed + queueDepth} up to the lag of the running batch): every accepted event either ran
 * or failed, and every refused one is counted in {@code rejected}.
 *
 * @param id the reactor id, {@code 0..count-1}
 * @param thread the name of the event-loop thread the reactor runs on
 * @param queueCapacity the capacity of the event queue (used by threads that are not reactors), and of each lane
 *        from another reactor (one lane per sending reactor)
 * @param accepted events accepted into the queue, or published into the lanes, since start (including replies to
 *        calls); a reactor publishes what it sends at the end of its iteration at the latest
 * @param executed events that ran to completion
 * @param failed events whose code threw; the exception was logged or delivered to the caller
 * @param rejected submissions refused because the queue or the sender's lane was full, or the reactor was stopped
 * @param queueDepth events waiting in the queue and the lanes now
 * @param queueHighWaterMark the deepest the queue or any one lane was seen: sampled by the reactor every 64 events
 *        (a lane on every drain), and equal to the capacity once a submission found the queue or a lane full
 * @param iterations iterations of the reactor loop (events, pollers, timers) since start
 * @param pollers pollers registered now, both kinds
 * @param timers timers armed now (published at the end of each iteration)
 * @param busyNanos time spent in loop slices that ran events, pollers or timers, in nanoseconds; a slice is one
 *        turn of the reactor on its event loop (at most 50 us while busy), so a slice's idle iterations count too
 * @param idleNanos the rest of the time since the reactor started, in nanoseconds: parked, spinning without
 *        work, or the event loop serving its other tasks (such as HTTP requests)
 * @param transport the Netty transport of the reactor's event loop: {@code nio}, {@code epoll}, {@code io_uring}
 *        or {@code kqueue}
 * @param callbackFailures timer callbacks and watch handlers that threw (each logged, rate-limited); they are not
 *        events, so they count here rather than in {@code failed}. A poller that throws counts in its own
 *        {@link PollerStats#failures()}
 * @param idleWakeUps times the reactor woke from a park (woken by an event, its next timer or periodic poller, the
 *        idle poll interval of its every-iteration pollers, or a backoff park's end) and its first iteration did no
 *        work: ran no event, fired no timer callback, and no poller reported work. A parked reactor that is idle
 *        sleeps, so this stays near zero beyond its own periodic pollers that report no work; a reactor that never
 *        parks ({@code spin}) counts none. Subtract two readings to get a rate
 */
public record ReactorStats(
        int id,
        String thread,
        int queueCapacity,
        long accepted,
        long executed,
        long failed,
        long rejected,
        int queueDepth,
        int queueHighWaterMark,
        long iterations,
        int pollers,
        int timers,
        long busyNanos,
        long idleNanos,
        String transport,
        long callbackFailures,
        long idleWakeUps) {
}
