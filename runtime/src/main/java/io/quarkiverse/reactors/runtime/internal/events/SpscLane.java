package io.quarkiverse.reactors.runtime.internal.events;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A bounded single-producer single-consumer ring: the lane that carries events from one sending reactor to one
 * receiving reactor, as Seastar's {@code smp_message_queue} does. No CAS anywhere: each index has one writer.
 * <p>
 * The ring starts small ({@value #INITIAL_SIZE} slots, or the capacity if smaller) and doubles when the producer
 * finds it full, up to {@link #capacity()}, which stays the lane's bound: a group whose every pair of reactors talks
 * has {@code n (n - 1)} lanes, and at the default capacity of 65,536 a lane made at full size took 256 KiB (768 KiB
 * with pairs) whether or not it ever held more than a few events, 60-180 MiB for 16 reactors. A ring grows as
 * JCTools' {@code SpscGrowableArrayQueue} does: the producer keeps one slot free in a ring smaller than the capacity,
 * and to grow it links the new ring from the old one's last entry and leaves a {@code JUMP} marker in the free slot;
 * the consumer that meets the marker follows the link and goes on at the same index in the new ring. A batch may
 * span the two rings: its held first element stays in the old one, and the consumer reaches the marker only after
 * taking it. A ring never shrinks: a lane that was once that deep may be again, and its ring stays in the
 * two cores' caches lap after lap (a lane of chunks made and dropped as it went, tried on 2026-12-01, halved the
 * bare lane's throughput).
 * <p>
 * The producer {@link #offer offers} into slots with plain stores, except the first element of a batch, which it
 * holds back; {@link #publish()}, at the end of a batch rather than per element, writes that one into its slot with
 * an ordered store, after the rest. The consumer looks at the slot at its head: empty, nothing is published (the
 * batch being written behind it stays invisible); filled, it takes that slot and the filled ones after it, up to
 * the first empty one (the next batch's first), and hands them back with one ordered store of its index. So a
 * consumer finds an event by reading one cache line, the slot's, where a published index would cost a second line
 * per hand-off (B2's bare lane ping-pong: 0.28 µs against 0.43-0.51 on a 2-vCPU Xeon, as low as JCTools'
 * {@code SpscArrayQueue}); and since the slot it polls is a batch's first, which the producer writes once at
 * publication, a consumer waiting for more does not pull the line the producer is filling (a consumer that
 * took any filled slot fell to 41 M events/s in B1, against 66-77). The published index is still written at each
 * publication, before the first slot, for the counts other threads read. The producer caches the consumer's index
 * and reads the shared one again only when the ring looks full.
 * <p>
 * A slot may also carry a <em>pair</em>: an element and two arguments ({@link #offer(Object, Object, Object)}), as
 * Seastar and Agrona rings carry a message in place rather than a pointer to one. The arguments go into a second
 * array of the ring, two entries per slot, made on the ring's first pair (rings that carry only single elements
 * never have it); so a two-argument send needs no event object, and the lane still holds {@link #capacity()}
 * elements, pairs or not.
 * <p>
 * Layout: the producer's published index, the producer's own fields, the consumer's published index, the consumer's
 * own fields and the final fields each sit on a cache line of their own (128 bytes of padding each side, as JCTools
 * and Agrona pad, enough for adjacent-line prefetch), so a store on one side never invalidates a line the other side
 * keeps reading: the producer writes its {@code tail} on every offer, and other threads read the published indices.
 * A ring is an {@code Object[size + 2]}: its slots, then the link to the next ring, then its pairs' arguments.
 * <p>
 * Threading: {@link #offer}, {@link #publish()} and {@link #unpublished()} only from the one producer thread;
 * {@link #drain} and {@link #hasPublished()} only from the one consumer thread (or, after that thread stopped for good,
 * from one thread that took over its role); {@link #size()}, {@link #isEmpty()} and {@link #capacity()} from any
 * thread.
 *
 * @param <E> the element type
 */
public final class SpscLane<E> extends SpscLaneConsumerFields {

    /** Padding against the final fields' line: not read. */
    long q00, q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15;

    /** How many slots a ring starts with (4 KiB of references): a lane grows from there only as deep as it gets. */
    static final int INITIAL_SIZE = 1024;
    /** Stands for a {@code null} first argument, so that a non-null argument entry marks a pair. */
    private static final Object NULL_ARGUMENT = new Object();
    /** Left where the producer moved to a larger ring: the consumer follows the link and reads that index there. */
    private static final Object JUMP = new Object();
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);

    private final int capacity;

    /**
     * @param capacity how many published and unpublished elements the lane holds; a power of two, at least 2
     * @throws IllegalArgumentException if {@code capacity} is not a power of two of at least 2
     */
    public SpscLane(int capacity) {
        this(capacity, INITIAL_SIZE);
    }

    /**
     * @param capacity as {@link #SpscLane(int)}
     * @param initialSize how many slots the first ring has (at most {@code capacity}); a power of two, at least 2
     */
    SpscLane(int capacity, int initialSize) {
        if (capacity < 2 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("A lane's capacity must be a power of two of at least 2, got " + capacity);
        }
        if (initialSize < 2 || Integer.bitCount(initialSize) != 1) {
            throw new IllegalArgumentException("A ring's size must be a power of two of at least 2, got " + initialSize);
        }
        this.capacity = capacity;
        int size = Math.min(capacity, initialSize);
        Object[] ring = newRing(size);
        producerRing = ring;
        producerMask = size - 1;
        producerLimit = limit(size);
        consumerRing = ring;
        consumerMask = size - 1;
    }

    /** @return how many elements the lane holds at most, published or not */
    public int capacity() {
        return capacity;
    }

    /** @return how many slots the ring has now (the producer's view; for tests) */
    int ringSize() {
        return producerMask + 1;
    }

    /** A ring of {@code size} slots: the slots, then the link to the next ring, then the pairs' arguments. */
    private static Object[] newRing(int size) {
        return new Object[size + 2];
    }

    /** @return the mask of {@code ring}'s slots, from its length (a ring made by {@link #newRing}) */
    private static int maskOf(Object[] ring) {
        return ring.length - 3;
    }

    /**
     * How many elements a ring of {@code size} slots may hold before the producer must grow it: one slot fewer than
     * it has, for the {@code JUMP} marker, until the ring is as large as the lane's capacity.
     */
    private int limit(int size) {
        return size < capacity ? size - 1 : capacity;
    }

    /**
     * Producer only. Writes {@code element} into the next slot without making it visible: {@link #publish()} does.
     *
     * @return false if the lane is full (published and unpublished elements together fill it); the element is not
     *         queued then, and whatever was unpublished stays so: the caller publishes it so that the consumer can
     *         make room
     */
    public boolean offer(E element) {
        long next = tail;
        if (next - consumerIndexCache >= producerLimit && !makeRoom(next)) {
            return false;
        }
        place(next, element);
        return true;
    }

    /**
     * Producer only. {@link #offer(Object)} for a pair: {@code element} with two arguments, handed to
     * {@link Sink#acceptPair} by the drain. Takes one slot, as a single element does.
     *
     * @return false if the lane is full, as {@link #offer(Object)}
     */
    public boolean offer(E element, Object a, Object b) {
        long next = tail;
        if (next - consumerIndexCache >= producerLimit && !makeRoom(next)) {
            return false;
        }
        Object[] ring = producerRing;
        int m = producerMask;
        Object[] arguments = (Object[]) ring[m + 2];
        if (arguments == null) {
            // Made by the producer, published with the pair below: a drain that sees the pair sees the array.
            arguments = new Object[(m + 1) << 1];
            ring[m + 2] = arguments;
        }
        int offset = (int) next & m;
        arguments[offset << 1] = a == null ? NULL_ARGUMENT : a;
        arguments[(offset << 1) + 1] = b;
        place(next, element);
        return true;
    }

    /**
     * Producer only: puts the element offered at {@code next} in its slot, or, when it is the first of a new batch,
     * holds it back for {@link #publish()}: a batch's first slot stays empty until then, and that is what the
     * consumer looks at. The other slots take plain stores, ordered before the consumer's reads by the release store
     * of the first.
     */
    private void place(long next, E element) {
        if (next == producerIndexPlain) {
            held = element;
        } else {
            producerRing[(int) next & producerMask] = element;
        }
        tail = next + 1;
    }

    /**
     * Producer only, when the ring looks full at {@code next}: reads the consumer's index again, and grows the ring
     * if it is still full and smaller than the capacity.
     *
     * @return whether {@code next} has a slot now; false when the lane holds its capacity
     */
    private boolean makeRoom(long next) {
        consumerIndexCache = (long) CONSUMER_INDEX.getAcquire(this);
        if (next - consumerIndexCache < producerLimit) {
            return true;
        }
        if (producerLimit == capacity) {
            return false;
        }
        grow(next);
        return true;
    }

    /**
     * Producer only: moves to a ring twice the size. The new ring is linked from the old one, and the {@code JUMP}
     * marker, released after the link, takes the one slot the old ring kept free: index {@code next}, where the
     * consumer looks once it has taken everything before it. An unpublished batch's held element stays in the old
     * ring, where {@link #publish()} puts it ({@link #heldRing}); until then the consumer stops short of it, so it
     * cannot reach the marker early.
     */
    private void grow(long next) {
        Object[] old = producerRing;
        int oldMask = producerMask;
        if (next != producerIndexPlain && heldRing == null) {
            heldRing = old;
        }
        int size = (oldMask + 1) << 1;
        Object[] ring = newRing(size);
        old[oldMask + 1] = ring;
        SLOT.setRelease(old, (int) next & oldMask, JUMP);
        producerRing = ring;
        producerMask = size - 1;
        producerLimit = limit(size);
    }

    /**
     * Producer only. Makes every element offered so far visible to the consumer: the published index, then the
     * batch's first element into its slot, both with ordered stores.
     *
     * @return whether there was anything to publish (the caller then wakes the consumer)
     */
    public boolean publish() {
        long next = tail;
        if (next == producerIndexPlain) {
            return false;
        }
        long first = producerIndexPlain;
        producerIndexPlain = next;
        // The index first (what other threads count), then the batch's first slot (what the consumer waits for): a
        // consumer never takes an element that the index does not count yet.
        PRODUCER_INDEX.setRelease(this, next);
        Object element = held;
        held = null;
        // The batch's first belongs in the ring it was offered into: the one being written, unless the ring grew since.
        Object[] ring = heldRing;
        int m;
        if (ring == null) {
            ring = producerRing;
            m = producerMask;
        } else {
            // rare: the ring grew during this batch
            m = maskOf(ring);
            heldRing = null;
        }
        SLOT.setRelease(ring, (int) first & m, element);
        return true;
    }

    /** Producer only. @return how many elements were offered but not yet published */
    public int unpublished() {
        return (int) (tail - producerIndexPlain);
    }

    /**
     * Consumer only. Hands up to {@code limit} published elements to {@code sink}, oldest first (a pair to
     * {@link Sink#acceptPair}), found by their filled slots, and gives their slots back to the producer with one
     * ordered store; reads the producer's index line only after a full batch (for {@link #backlog()}). If {@code sink}
     * throws, the elements handed over so far, the throwing one included, count as taken and the exception
     * propagates.
     *
     * @return how many elements were handed to {@code sink}
     */
    @SuppressWarnings("unchecked")
    public int drain(Sink<? super E> sink, int limit) {
        long head = consumerIndexPlain;
        Object[] ring = consumerRing;
        int m = consumerMask;
        long i = head;
        long end = head + limit;
        try {
            while (i < end) {
                int offset = (int) i & m;
                // Acquire: a filled slot is either a batch's first, released by publish() after the rest of its
                // batch, or one of the rest, written before it; an empty one is the end of what was published.
                Object element = SLOT.getAcquire(ring, offset);
                if (element == null) {
                    break;
                }
                if (element == JUMP) {
                    // The producer went on in a larger ring from this index: the link was written before the marker.
                    ring = (Object[]) ring[m + 1];
                    m = maskOf(ring);
                    consumerRing = ring;
                    consumerMask = m;
                    continue;
                }
                // Cleared so that a handled event is not kept reachable until the slot is reused.
                ring[offset] = null;
                i++;
                // Read after this element's slot: the producer makes the array on the ring's first pair, before
                // publishing it.
                Object[] arguments = (Object[]) ring[m + 2];
                Object a;
                if (arguments != null && (a = arguments[offset << 1]) != null) {
                    Object b = arguments[(offset << 1) + 1];
                    // Cleared as well: the next element in this slot may be a single one.
                    arguments[offset << 1] = null;
                    arguments[(offset << 1) + 1] = null;
                    sink.acceptPair((E) element, a == NULL_ARGUMENT ? null : a, b);
                } else {
                    sink.accept((E) element);
                }
            }
        } finally {
            if (i != head) {
                consumerIndexPlain = i;
                CONSUMER_INDEX.setRelease(this, i);
            }
        }
        int count = (int) (i - head);
        // The backlog for the depth figures: read the producer's line only after a full batch, when more may wait.
        producerIndexCache = count == limit ? (long) PRODUCER_INDEX.getAcquire(this) : i;
        return count;
    }

    /**
     * Consumer only. @return how many published elements the last {@link #drain} left in the ring: after a full
     * batch, what the producer's index then showed; otherwise none (the drain stopped at an empty slot)
     */
    public int backlog() {
        return (int) Math.max(0, producerIndexCache - consumerIndexPlain);
    }

    /**
     * Consumer only. @return whether a published element waits: one load, of the slot at the consumer's head (no
     * load of either index's line; where the ring grew, that slot in the next ring too)
     */
    public boolean hasPublished() {
        Object[] ring = consumerRing;
        int m = consumerMask;
        Object element = SLOT.getAcquire(ring, (int) consumerIndexPlain & m);
        if (element == JUMP) {
            ring = (Object[]) ring[m + 1];
            element = SLOT.getAcquire(ring, (int) consumerIndexPlain & maskOf(ring));
        }
        return element != null;
    }

    /** Any thread. @return how many published elements wait for the consumer (a snapshot) */
    public int size() {
        // Consumer first: read the other way round, a drain between the two reads could give a negative size.
        long consumed = (long) CONSUMER_INDEX.getAcquire(this);
        long produced = (long) PRODUCER_INDEX.getAcquire(this);
        return (int) Math.max(0, produced - consumed);
    }

    /** Any thread. @return whether no published element waits for the consumer (a snapshot) */
    public boolean isEmpty() {
        return (long) PRODUCER_INDEX.getAcquire(this) == (long) CONSUMER_INDEX.getAcquire(this);
    }

    /** Any thread. @return how many elements were published so far, in total */
    public long published() {
        return (long) PRODUCER_INDEX.getAcquire(this);
    }

    /** Any thread. @return how many elements the consumer took so far, in total */
    public long consumed() {
        return (long) CONSUMER_INDEX.getAcquire(this);
    }

    /**
     * What a {@link #drain} hands the elements to: single elements to {@link #accept}, pairs to {@link #acceptPair}.
     * Called on the consumer's thread.
     *
     * @param <E> the element type
     */
    @FunctionalInterface
    public interface Sink<E> {

        /** Takes a single element. */
        void accept(E element);

        /**
         * Takes a pair offered with {@link SpscLane#offer(Object, Object, Object)}. A sink for a lane that never carries
         * pairs need not implement it.
         */
        default void acceptPair(E element, Object a, Object b) {
            throw new IllegalStateException("This sink takes single elements only, but the lane carried a pair: " + element);
        }
    }
}

/** Padding before the producer's published index: not read. */
abstract class SpscLanePadding {
    /**
     * Takes the 4 bytes after the object header, where the JVM would otherwise pack a subclass's field (the
     * producer's {@code held}, written at every publication) beside the class word.
     */
    int p16;
    long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;
}

/**
 * The producer's published index, alone on its line: written by the producer once per publication, read by other
 * threads for the counts and by the consumer after a full batch. Nothing the producer writes per element shares the
 * line, so a reader of the counts never pulls a line the producer writes on every {@code offer}.
 */
abstract class SpscLaneProducerIndex extends SpscLanePadding {
    static final VarHandle PRODUCER_INDEX;

    static {
        try {
            PRODUCER_INDEX = MethodHandles.lookup().findVarHandle(SpscLaneProducerIndex.class, "producerIndex", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The published index: elements below it are published. Written with a release store only. */
    long producerIndex;
}

/** Padding between the published index and the producer's own fields: not read. */
abstract class SpscLaneProducerPadding extends SpscLaneProducerIndex {
    long r00, r01, r02, r03, r04, r05, r06, r07, r08, r09, r10, r11, r12, r13, r14, r15;
}

/** The producer's own line: read and written by the producer only. */
abstract class SpscLaneProducerFields extends SpscLaneProducerPadding {
    /** The producer's own copy of {@link #producerIndex}, read without ordering. */
    long producerIndexPlain;
    /** The next slot the producer writes; elements from {@link #producerIndex} up to here are unpublished. */
    long tail;
    /** The consumer's index as the producer last read it: the ring is full only if it looks full against this. */
    long consumerIndexCache;
    /** The first element offered since the last publication, kept out of its slot until {@code publish()}. */
    Object held;
    /** The ring the producer writes into. */
    Object[] producerRing;
    /** Its size minus one. */
    int producerMask;
    /** How many elements it may hold before the producer grows it (or, at the lane's capacity, refuses one). */
    int producerLimit;
    /** The ring the held element goes into when the ring grew after it was offered; else null (the producer's). */
    Object[] heldRing;
    /** Fills the line's last 4 bytes, where the JVM would otherwise pack a consumer's field: not read. */
    int r16;
}

/** Padding between the producer's and the consumer's lines: not read. */
abstract class SpscLaneMiddlePadding extends SpscLaneProducerFields {
    long m00, m01, m02, m03, m04, m05, m06, m07, m08, m09, m10, m11, m12, m13, m14, m15;
}

/**
 * The consumer's published index, alone on its line: written by the consumer once per drain, read by the producer
 * only when the ring looks full.
 */
abstract class SpscLaneConsumerIndex extends SpscLaneMiddlePadding {
    static final VarHandle CONSUMER_INDEX;

    static {
        try {
            CONSUMER_INDEX = MethodHandles.lookup().findVarHandle(SpscLaneConsumerIndex.class, "consumerIndex", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Slots below it are free for the producer again. Written with a release store only. */
    long consumerIndex;
}

/** Padding between the consumer's published index and its own fields: not read. */
abstract class SpscLaneConsumerPadding extends SpscLaneConsumerIndex {
    long c00, c01, c02, c03, c04, c05, c06, c07, c08, c09, c10, c11, c12, c13, c14, c15;
}

/** The consumer's own line: read and written by the consumer only. */
abstract class SpscLaneConsumerFields extends SpscLaneConsumerPadding {
    /** The consumer's own copy of {@link #consumerIndex}. */
    long consumerIndexPlain;
    /** The producer's published index as the consumer last read it, after a full batch; else its own index. */
    long producerIndexCache;
    /** The ring the consumer reads from: the producer's, or an older one it has not reached the end of. */
    Object[] consumerRing;
    /** Its size minus one. */
    int consumerMask;
}
