package io.quarkiverse.reactors.runtime.internal.kafka;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.quarkiverse.reactors.PartitionedStats;
import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.ReactorStoppedException;
import io.quarkiverse.reactors.Reactors;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * One {@code @Partitioned} channel: hands each record to the reactor that owns its partition, runs the method
 * there in partition order, acks or nacks the record when the method completes, and tracks what is dispatched
 * and not yet acked so that a rebalance or shutdown can wait for it.
 * <p>
 * Threads: {@link #dispatch} is called by the connector, one record at a time (the generated {@code @Incoming}
 * method returns a stage, and SmallRye waits for it before it delivers the next record), on the channel's Vert.x
 * context; the retry timer of a stopped dispatch runs on that same context. The lanes of reactor {@code i} are
 * touched only on reactor {@code i}. {@link #awaitAcked} blocks and is called on Kafka's polling thread, never on
 * a reactor. {@link #stats} is called from any thread.
 */
public final class PartitionedChannel {

    private static final Logger LOG = Logger.getLogger(PartitionedChannel.class);
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);
    /** How often a stopped dispatch looks again at the reactor it waits for. */
    private static final long RETRY_MILLIS = 1;

    private final String channel;
    private final String description;
    private final Reactors reactors;
    private final PartitionedInvoker invoker;
    private final Object bean;
    private final int maxInFlight;
    /**
     * Per reactor, the most records that may wait while its partitions are paused: what the connector fetched before
     * the pause took effect (its buffer holds up to {@code max.poll.records × (max-queue-size-factor + 1)} records,
     * 1500 by default, for all reactors together).
     */
    private final int maxHeld;
    private final PartitionMap owners;

    /** Per reactor: records dispatched to it and not yet completed. Incremented by dispatch, decremented by the reactor. */
    private final AtomicIntegerArray inFlight;
    /** Per reactor: its partitions' lanes, touched only on that reactor. */
    private final Map<TopicPartition, PartitionLane>[] lanes;
    /** Per partition: records dispatched and whose ack or nack has not completed yet. */
    private final ConcurrentHashMap<TopicPartition, AtomicInteger> unacked = new ConcurrentHashMap<>();

    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    // Written only by the dispatching context (single writer), read by stats() from any thread.
    private volatile long dispatched;
    private volatile long pauses;
    /** The time stopped, in one field so that stats() reads the ended pauses and the current one of one moment. */
    private volatile StoppedTime stopped = StoppedTime.NEVER;

    // Dispatching context only: per reactor, the records that wait for it while it is full (its partitions paused);
    // the record a stopped channel holds and the stage SmallRye waits on; whether a drain timer is set.
    private final ArrayDeque<PartitionedRecord>[] held;
    private PartitionedRecord blocked;
    private CompletableFuture<Void> resumed;
    private boolean draining;
    private Vertx vertx;
    /** Per reactor: the size of {@code held}, for stats. */
    private final AtomicIntegerArray waiting;
    private final PartitionPauser pauser;

    @SuppressWarnings("unchecked")
    PartitionedChannel(String channel, String description, Reactors reactors, PartitionedInvoker invoker,
            Object bean, int maxInFlight, PartitionMap owners) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("quarkus.reactors.kafka.max-in-flight must be at least 1, found "
                    + maxInFlight);
        }
        this.channel = channel;
        this.description = description;
        this.reactors = reactors;
        this.invoker = invoker;
        this.bean = bean;
        this.maxInFlight = maxInFlight;
        this.maxHeld = 4 * maxInFlight;
        this.owners = owners;
        this.inFlight = new AtomicIntegerArray(reactors.count());
        this.lanes = new Map[reactors.count()];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new HashMap<>();
        }
        this.held = new ArrayDeque[reactors.count()];
        for (int i = 0; i < held.length; i++) {
            held[i] = new ArrayDeque<>();
        }
        this.waiting = new AtomicIntegerArray(reactors.count());
        this.pauser = new PartitionPauser(channel, reactors.count(), owners::ownerOf);
    }

    public String channel() {
        return channel;
    }

    /** The reactor that owns a partition: as {@code partition-map} says, else {@code partition mod count}. */
    public int ownerOf(int partition) {
        return owners.ownerOf(partition);
    }

    /**
     * Hands one record to its reactor. When the reactor is full ({@code max-in-flight} records, or a full queue),
     * the record waits here and the reactor's partitions are paused at Kafka until it drains; the other reactors'
     * partitions keep flowing. Returns a completed stage, or, once {@code 4 × max-in-flight} records wait for one
     * reactor, a stage that completes when it has room again (SmallRye's demand for the channel stops meanwhile).
     */
    public CompletionStage<Void> dispatch(Message<?> message) {
        Optional<IncomingKafkaRecordMetadata> metadata = message.getMetadata(IncomingKafkaRecordMetadata.class);
        if (metadata.isEmpty()) {
            // Not a Kafka record: the partition is unknown. The build checks the connector; this catches the rest.
            return message.nack(new IllegalStateException("@Partitioned method " + description + " received a message"
                    + " without Kafka record metadata on channel '" + channel + "': the channel must use the"
                    + " smallrye-kafka connector"));
        }
        IncomingKafkaRecordMetadata<?, ?> kafka = metadata.get();
        TopicPartition partition = new TopicPartition(kafka.getTopic(), kafka.getPartition());
        PartitionedRecord record = new PartitionedRecord(message, partition, ownerOf(kafka.getPartition()));
        unacked.computeIfAbsent(partition, p -> new AtomicInteger()).incrementAndGet();
        int reactor = record.reactor();
        if (held[reactor].isEmpty() && trySend(record)) {
            return DONE;
        }
        // The reactor is full: its partitions are paused at Kafka, and what was fetched already waits here, in order.
        if (held[reactor].size() < maxHeld) {
            hold(record);
            return DONE;
        }
        // What waits is bounded too: past it the whole channel stops (SmallRye's demand), as a last resort.
        blocked = record;
        resumed = new CompletableFuture<>();
        pauses++;
        stopped = new StoppedTime(stopped.endedNanos(), System.nanoTime());
        CompletableFuture<Void> stage = resumed;
        scheduleDrain();
        return stage;
    }

    /** On the dispatching context: keeps a record for its full reactor and pauses that reactor's partitions. */
    private void hold(PartitionedRecord record) {
        held[record.reactor()].addLast(record);
        waiting.incrementAndGet(record.reactor());
        pauser.pause(record.reactor());
        scheduleDrain();
    }

    private void scheduleDrain() {
        if (!draining) {
            draining = true;
            if (vertx == null) {
                Context context = Vertx.currentContext();
                vertx = context != null ? context.owner() : reactors.reactor(0).context().owner();
            }
            vertx.setTimer(RETRY_MILLIS, id -> drainHeld());
        }
    }

    /**
     * On the dispatching context, every millisecond while anything waits or is paused: sends held records to
     * reactors with room, resumes the partitions of a reactor once nothing of it waits and it is at most half
     * full, and lets a stopped channel go on.
     */
    private void drainHeld() {
        draining = false;
        boolean again = false;
        for (int reactor = 0; reactor < held.length; reactor++) {
            ArrayDeque<PartitionedRecord> queue = held[reactor];
            while (!queue.isEmpty() && trySend(queue.peekFirst())) {
                queue.pollFirst();
                waiting.decrementAndGet(reactor);
            }
            if (queue.isEmpty() && inFlight.get(reactor) <= maxInFlight / 2) {
                pauser.resume(reactor);
            }
            again |= !queue.isEmpty() || pauser.isPaused(reactor);
        }
        if (blocked != null && held[blocked.reactor()].size() < maxHeld) {
            PartitionedRecord record = blocked;
            blocked = null;
            if (!(held[record.reactor()].isEmpty() && trySend(record))) {
                hold(record);
            }
            StoppedTime pause = stopped;
            stopped = new StoppedTime(pause.endedNanos() + System.nanoTime() - pause.since(), 0);
            CompletableFuture<Void> stage = resumed;
            resumed = null;
            stage.complete(null); // SmallRye may dispatch the next record right here
        }
        if (again || blocked != null) {
            scheduleDrain();
        }
    }

    /** @return {@code false} when the reactor has {@code max-in-flight} records or a full queue */
    private boolean trySend(PartitionedRecord record) {
        int reactor = record.reactor();
        if (inFlight.get(reactor) >= maxInFlight) {
            return false;
        }
        inFlight.incrementAndGet(reactor);
        try {
            if (reactors.reactor(reactor).trySend(PartitionedChannel::arrive, this, record)) {
                dispatched++;
                return true;
            }
        } catch (ReactorStoppedException e) {
            inFlight.decrementAndGet(reactor);
            // Neither processed nor acked: the offset is not committed, so the next owner reads the record again.
            LOG.debugf("Record %s of %s not processed: the reactors are stopping", record.partition(), description);
            acked(record.partition());
            return true;
        }
        inFlight.decrementAndGet(reactor);
        return false;
    }

    /** On the owning reactor: queues the record behind its partition's running record, or runs it now. */
    private static void arrive(PartitionedChannel channel, PartitionedRecord record) {
        PartitionLane lane = channel.lanes[record.reactor()].computeIfAbsent(record.partition(), p -> new PartitionLane());
        lane.offer(record);
        if (!lane.busy) {
            channel.drain(lane);
        }
    }

    /** On the owning reactor: runs the lane's records until one returns a pending result or none is left. */
    private void drain(PartitionLane lane) {
        PartitionedRecord record;
        while ((record = lane.poll()) != null) {
            CompletionStage<?> stage;
            try {
                Object result = invoker.invoke(bean, record.message());
                if (result == null) {
                    finish(record, null);
                    continue;
                }
                stage = result instanceof Uni<?> uni ? uni.subscribeAsCompletionStage() : (CompletionStage<?>) result;
            } catch (Throwable failure) {
                finish(record, failure);
                continue;
            }
            lane.busy = true;
            PartitionedRecord running = record;
            Reactor owner = reactors.reactor(record.reactor());
            // The result may complete on any thread; the ack and the next record run back on the owner.
            // runOnContext, not send: a completion must never be refused by a full queue.
            stage.whenComplete((ignored, failure) -> owner.context().runOnContext(v -> {
                lane.busy = false;
                finish(running, failure);
                drain(lane);
            }));
            return;
        }
    }

    /** On the owning reactor: acks (or nacks) the record and frees its in-flight slot. */
    private void finish(PartitionedRecord record, Throwable failure) {
        inFlight.decrementAndGet(record.reactor());
        CompletionStage<Void> settled;
        try {
            if (failure == null) {
                completed.increment();
                settled = record.message().ack();
            } else {
                failed.increment();
                settled = record.message().nack(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause()
                        : failure);
            }
        } catch (Throwable e) {
            LOG.errorf(e, "Acknowledging a record of %s failed", record.partition());
            acked(record.partition());
            return;
        }
        settled.whenComplete((ignored, e) -> acked(record.partition()));
    }

    private void acked(TopicPartition partition) {
        unacked.get(partition).decrementAndGet();
    }

    /**
     * Waits until every record dispatched from {@code partitions} has been acked or nacked, at most
     * {@code timeout}. Called on Kafka's polling thread before a rebalance revokes partitions or the channel
     * closes, so that the commit that follows covers them.
     *
     * @return {@code true} if all were acked in time
     */
    public boolean awaitAcked(Collection<TopicPartition> partitions, Duration timeout) {
        if (reactors.onReactor()) {
            LOG.warnf("Not waiting for the records of %s on reactor thread %s: a reactor must not block", description,
                    Thread.currentThread().getName());
            return false;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending(partitions) > 0) {
            if (System.nanoTime() - deadline > 0) {
                LOG.warnf("%d records of %s dispatched from %s were not acked within %s; the next owner of these"
                        + " partitions processes them again", pending(partitions), description, partitions, timeout);
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        return true;
    }

    /** @return the partitions that have had records on this instance */
    public Collection<TopicPartition> partitions() {
        return new ArrayList<>(unacked.keySet());
    }

    private int pending(Collection<TopicPartition> partitions) {
        int pending = 0;
        for (TopicPartition partition : partitions) {
            AtomicInteger count = unacked.get(partition);
            pending += count == null ? 0 : count.get();
        }
        return pending;
    }

    public PartitionedStats stats() {
        long now = System.nanoTime();
        StoppedTime pause = stopped;
        List<Integer> perReactor = new ArrayList<>(inFlight.length());
        for (int i = 0; i < inFlight.length(); i++) {
            perReactor.add(inFlight.get(i));
        }
        List<List<String>> owned = new ArrayList<>(inFlight.length());
        for (int i = 0; i < inFlight.length(); i++) {
            owned.add(new ArrayList<>());
        }
        unacked.keySet().stream()
                .sorted(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition))
                .forEach(p -> owned.get(ownerOf(p.partition())).add(p.toString()));
        List<Integer> waitingPerReactor = new ArrayList<>(inFlight.length());
        List<Boolean> pausedPerReactor = new ArrayList<>(inFlight.length());
        for (int i = 0; i < inFlight.length(); i++) {
            waitingPerReactor.add(waiting.get(i));
            pausedPerReactor.add(pauser.isPaused(i));
        }
        return new PartitionedStats(channel, description, dispatched, completed.sum(), failed.sum(), pauses,
                pause.endedNanos() + (pause.since() == 0 ? 0 : Math.max(0, now - pause.since())), pause.since() != 0,
                List.copyOf(perReactor),
                owned.stream().map(List::copyOf).toList(), pauser.pauses(), List.copyOf(pausedPerReactor),
                List.copyOf(waitingPerReactor));
    }

    /**
     * How long the channel was stopped: the ended pauses, and when the current one began ({@code 0}: none). Replaced
     * whole on each pause and resume (rare), so a reader never adds a pause that the total already counts.
     */
    private record StoppedTime(long endedNanos, long since) {
        static final StoppedTime NEVER = new StoppedTime(0, 0);
    }
}
