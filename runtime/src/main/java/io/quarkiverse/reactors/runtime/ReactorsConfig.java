package io.quarkiverse.reactors.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import io.quarkiverse.reactors.IdleStrategy;
import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Quarkus Reactors: one reactor per core, each bound to one Vert.x event loop.
 */
@ConfigMapping(prefix = "quarkus.reactors")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface ReactorsConfig {

    /**
     * The number of reactors. Defaults to the number of available processors.
     * <p>
     * Reactor {@code i} runs on Vert.x event loop {@code i}. Unless
     * {@code quarkus.vertx.event-loops-pool-size} is set, the extension sizes the Vert.x event-loop pool to
     * this count, so that every event loop, and thus every HTTP request, is on a reactor. Setting the
     * pool smaller than this count fails startup.
     */
    OptionalInt count();

    /**
     * The CPUs the reactors run on, as a CPU list such as {@code 0-3,6} (SPDK's {@code [0-3,6]} and masks
     * such as {@code 0x4f} are accepted too). Defaults to every CPU this process may run on.
     * <p>
     * One reactor runs per listed CPU: reactor {@code i} on the {@code i}-th listed CPU, except that the
     * main core ({@code main-core}) moves to the front as reactor 0. Giving {@code cores} sets the reactor
     * count; {@code count}, if also given, must agree. A CPU outside the process's allowed set
     * ({@code Cpus_allowed_list} in {@code /proc/self/status}), a CPU listed twice, or an unparsable list
     * fails startup, naming the value.
     */
    Optional<String> cores();

    /**
     * The main core: the CPU of reactor 0, where {@code cores = "main"} pollers run. Defaults to the first
     * CPU of {@code cores}; it must be one of them.
     */
    OptionalInt mainCore();

    /**
     * Pin each reactor's event-loop thread to its CPU (Linux, with the optional dependency
     * {@code net.openhft:affinity}). Where pinning is unavailable (another OS, the library absent), startup
     * logs a warning and the reactors run unpinned.
     */
    @WithDefault("false")
    boolean pinThreads();

    /**
     * The Netty transport the application must run on. {@code any} accepts whatever Vert.x chose (NIO
     * unless {@code quarkus.vertx.prefer-native-transport=true} and a native transport is on the class
     * path); {@code epoll} or {@code io-uring} fails startup when that transport is not active, with
     * Netty's reason.
     */
    @WithDefault("any")
    RequiredTransport requireTransport();

    /** Values of {@code quarkus.reactors.require-transport}. */
    enum RequiredTransport {
        /** Whatever Vert.x runs on. */
        ANY,
        /** Netty's epoll transport. */
        EPOLL,
        /** Netty's (incubator) io_uring transport, through {@code vertx-io_uring-incubator}. */
        IO_URING
    }

    /**
     * The capacity of each reactor's event queue, rounded up to a power of two, and of each lane from another
     * reactor of the group. A submission to a full queue or lane is refused with {@code ReactorOverloadedException}
     * ({@code trySend} returns {@code false}): overload reaches the sender at once and no event is dropped silently.
     * A lane's memory follows its backlog, not this bound: it starts at 1,024 slots and doubles when full, up to it.
     */
    @WithDefault("65536")
    int queueCapacity();

    /**
     * The most events a reactor runs in one batch before it lets the event loop do I/O and its other
     * tasks. Larger batches amortise the hand-off; smaller ones bound the latency that a flood of events
     * adds to I/O on that loop.
     */
    @WithDefault("1024")
    int batchSize();

    /**
     * How long shutdown waits for the events already queued to run and the offloaded tasks to end, after new
     * events started to be refused. Events still queued after that run while Vert.x closes; any that cannot
     * run are logged and counted as failed. Offloaded tasks still running then have their {@code Uni} failed
     * with {@code ReactorStoppedException}.
     */
    @WithDefault("10s")
    Duration shutdownTimeout();

    /**
     * What a reactor does when an iteration found no work: {@code park} sleeps in the event loop's
     * selector until an event, a timer or a wake-up (next to no CPU when idle), {@code backoff} spins,
     * yields, then parks for growing periods, {@code spin} never sleeps (one core busy per reactor, lowest
     * latency).
     */
    @WithDefault("park")
    IdleStrategy idleStrategy();

    /**
     * With {@code idle-strategy=park}: while every-iteration pollers are registered but all report idle,
     * how often the parked reactor polls them again when nothing else wakes it.
     */
    @WithDefault("1ms")
    Duration idlePollInterval();

    /**
     * With {@code idle-strategy=park}: how long a reactor keeps iterating after it last ran events before it
     * parks (a timer or periodic poller alone does not start this spin). Events come in bursts (a reply, the
     * next event of a chain), and catching them awake saves a selector wake-up on both sides; an idle reactor
     * still parks after this short spin. {@code 0} parks at once, as plain Vert.x does.
     */
    @WithDefault("PT0.00002S")
    Duration parkSpin();

    /**
     * Tuning of {@code idle-strategy=backoff}.
     */
    Backoff backoff();

    /**
     * The timer wheel's tick, rounded up to a power of two nanoseconds (the default becomes 131 us): the
     * precision of timers and periodic pollers. Smaller ticks are more
     * precise and cost more wake-ups of a reactor that waits for a timer.
     */
    @WithDefault("PT0.0001S")
    Duration timerTick();

    /**
     * Blocking work offloaded from reactors with {@code Reactor.offload}.
     */
    Offload offload();

    /**
     * How long one event, poller call, timer callback, or other task on a reactor's event loop (such as a
     * non-blocking HTTP handler) may run before a watchdog thread logs a warning. Every overrun is reported,
     * once; the first warning of a reactor in 10 seconds carries the thread's stack trace, later ones are one
     * line. Warm-up (class loading and initialization, a bean's first creation) does not count. A reactor that
     * keeps iterating, even spinning, never triggers it. {@code 0} turns the warning off.
     */
    @WithDefault("100ms")
    Duration maxRunTime();

    /**
     * How long a reactor with work to do (events queued or an iteration due) may go without beginning an
     * event or completing a loop iteration before the readiness check reports it DOWN, naming the reactor and
     * what it is stuck in.
     */
    @WithDefault("2s")
    Duration stallThreshold();

    /** The {@code @Poller} methods. */
    Pollers pollers();

    /** The {@code @Poller} methods. */
    interface Pollers {

        /**
         * Whether {@code @Poller} methods are registered at startup. {@code false} turns all of them off, as
         * {@code quarkus.scheduler.enabled=false} does for {@code @Scheduled} methods: useful in tests that drive
         * the code themselves ({@code %test.quarkus.reactors.pollers.enabled=false}). Pollers registered in code
         * with {@code Reactor.poller(...)} are not affected.
         */
        @WithDefault("true")
        boolean enabled();
    }

    /**
     * Shard-aware HTTP ingress: one extra HTTP port per reactor.
     */
    Http http();

    /** Shard-aware HTTP ingress. */
    interface Http {

        /**
         * The first shard port. When set to {@code P}, reactor {@code i} also serves the application's HTTP routes
         * (REST, reactive routes; the management interface stays apart) on port {@code P+i}, and every connection
         * accepted on {@code P+i} is served on reactor {@code i} only. A client that knows a key's owner
         * ({@code Reactors.ownerOf}, or the published key map) sends the request to the owner's port and the
         * request runs where the key lives, with no hop. The shard ports use the main server's options, TLS
         * included (with TLS configured they speak TLS only). Off by default. Startup fails when a port is out of
         * {@code 1..65535}, is one of the main or management ports, or cannot be bound.
         */
        OptionalInt shardPortBase();
    }

    /** {@code @Partitioned} Kafka channels. */
    Kafka kafka();

    /** Offloading blocking work to the worker pool. */
    interface Offload {

        /**
         * How many offloaded tasks may be pending (queued or running) per reactor. Beyond it,
         * {@code offload} fails with {@code ReactorOverloadedException} instead of queueing without bound.
         */
        @WithDefault("4096")
        int maxPending();

        /**
         * The name of a dedicated worker pool for offloaded tasks, with its own threads
         * ({@code reactors-offload-<name>-N}), size and queue bound. When unset, tasks run on the Vert.x worker
         * pool, shared with the rest of the application.
         */
        Optional<String> pool();

        /** Threads of the dedicated pool ({@code quarkus.reactors.offload.pool}); ignored without one. */
        @WithDefault("20")
        int poolSize();

        /**
         * Tasks the dedicated pool may queue before it refuses more with {@code ReactorOverloadedException};
         * ignored without a dedicated pool.
         */
        @WithDefault("1024")
        int queueSize();
    }

    /** {@code @Partitioned} Kafka channels (used only with {@code quarkus-messaging-kafka}). */
    interface Kafka {

        /**
         * Records of one channel that may be dispatched to one reactor and not yet completed. When a reactor has
         * this many, or its event queue is full, the partitions it owns are paused at Kafka until it drains, and the
         * records of those partitions fetched already wait for it (up to four times this many; past that the
         * channel's demand stops); the other reactors' partitions keep flowing, and nothing is dropped.
         */
        @WithDefault("1024")
        int maxInFlight();

        /**
         * How long a rebalance or shutdown waits for the records already dispatched from the partitions it takes
         * away to finish and be acked, before it lets them go (they are then processed again by the next owner).
         */
        @WithDefault("30s")
        Duration drainTimeout();

        /**
         * Which reactor owns which partitions of a {@code @Partitioned} channel, by channel name: comma-separated
         * {@code partitions:reactor} entries, where partitions is one partition or an inclusive range, e.g.
         * {@code quarkus.reactors.kafka.partition-map."orders"=0-3:0,4-7:1}. Partitions not listed go to reactor
         * {@code partition mod count}, the default for every partition. Checked at startup: an entry that does not
         * parse, a reactor beyond {@code count}, a partition given twice, or a channel that is not
         * {@code @Partitioned} stops the application with a message naming the key.
         */
        @ConfigDocMapKey("channel")
        Map<String, String> partitionMap();
    }

    /** Tuning of {@code idle-strategy=backoff}, as Agrona's {@code BackoffIdleStrategy}. */
    interface Backoff {

        /** Idle iterations spent spinning before the reactor starts to yield. */
        @WithDefault("100")
        int spins();

        /** Idle iterations spent yielding the CPU before the reactor starts to park. */
        @WithDefault("10")
        int yields();

        /** The first park period; it doubles on each idle iteration up to {@code max-park}. */
        @WithDefault("PT0.000001S")
        Duration minPark();

        /** The longest park period. */
        @WithDefault("1ms")
        Duration maxPark();
    }
}
