package io.quarkiverse.reactors.runtime.internal.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class SpscLaneTest {

    @Test
    void elementsComeOutInTheOrderTheyWentIn() {
        SpscLane<Integer> lane = new SpscLane<>(8);
        for (int i = 0; i < 5; i++) {
            assertTrue(lane.offer(i));
        }
        lane.publish();
        List<Integer> out = new ArrayList<>();
        assertEquals(5, lane.drain(out::add, 100));
        assertEquals(List.of(0, 1, 2, 3, 4), out);
        assertTrue(lane.isEmpty());
    }

    @Test
    void nothingIsVisibleUntilPublished() {
        SpscLane<String> lane = new SpscLane<>(4);
        lane.offer("a");
        lane.offer("b");
        assertEquals(2, lane.unpublished());
        assertTrue(lane.isEmpty());
        assertEquals(0, lane.size());
        assertEquals(0, lane.drain(e -> {
            throw new AssertionError("drained an unpublished element " + e);
        }, 10));
        assertTrue(lane.publish());
        assertFalse(lane.publish(), "a second publish with nothing new publishes nothing");
        assertEquals(0, lane.unpublished());
        assertEquals(2, lane.size());
        assertEquals(2, lane.published());
    }

    @Test
    void aDrainStopsWhereTheNextUnpublishedBatchBegins() {
        // The consumer finds a batch by its first slot, which stays empty until publish(): the slots after it,
        // already written, must not be taken before then, whatever the drain's limit.
        SpscLane<String> lane = new SpscLane<>(8);
        List<String> out = new ArrayList<>();
        lane.offer("a");
        lane.offer("b", 1, 2);
        lane.publish();
        lane.offer("c");
        lane.offer("d", 3, null);
        lane.offer("e");
        assertEquals(2, lane.drain(recording(out), 100));
        assertEquals(List.of("a", "b(1,2)"), out);
        assertFalse(lane.hasPublished(), "c, d and e are written but not published");
        assertEquals(0, lane.drain(recording(out), 100));
        lane.publish();
        assertTrue(lane.hasPublished());
        assertEquals(3, lane.drain(recording(out), 100));
        assertEquals(List.of("a", "b(1,2)", "c", "d(3,null)", "e"), out);
        assertTrue(lane.isEmpty());
    }

    /** Records what a drain hands over: single elements as they are, pairs as "element(a,b)". */
    private static SpscLane.Sink<String> recording(List<String> out) {
        return new SpscLane.Sink<>() {
            @Override
            public void accept(String element) {
                out.add(element);
            }

            @Override
            public void acceptPair(String element, Object a, Object b) {
                out.add(element + "(" + a + "," + b + ")");
            }
        };
    }

    @Test
    void pairsTravelInPlaceBetweenSingleElementsInOrder() {
        SpscLane<String> lane = new SpscLane<>(4);
        assertTrue(lane.offer("a"));
        assertTrue(lane.offer("f", 1, "x"));
        assertTrue(lane.offer("b"));
        assertTrue(lane.offer("g", null, null));
        assertFalse(lane.offer("h", 2, 3), "a pair takes one slot, as a single element does; the ring holds 4");
        lane.publish();
        List<String> out = new ArrayList<>();
        assertEquals(4, lane.drain(recording(out), 10));
        assertEquals(List.of("a", "f(1,x)", "b", "g(null,null)"), out, "a null first argument stays null");
    }

    @Test
    void aSlotThatCarriedAPairCarriesASingleElementNextTime() {
        SpscLane<String> lane = new SpscLane<>(2);
        List<String> out = new ArrayList<>();
        for (int round = 0; round < 100; round++) {
            if (round % 3 == 0) {
                assertTrue(lane.offer("p" + round, round, -round));
            } else {
                assertTrue(lane.offer("s" + round));
            }
            lane.publish();
            assertEquals(1, lane.drain(recording(out), 10));
        }
        for (int round = 0; round < 100; round++) {
            assertEquals(round % 3 == 0 ? "p" + round + "(" + round + "," + -round + ")" : "s" + round, out.get(round));
        }
    }

    @Test
    void aSinkForSingleElementsRefusesAPairByName() {
        SpscLane<String> lane = new SpscLane<>(2);
        lane.offer("f", 1, 2);
        lane.publish();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> lane.drain(x -> {
        }, 1));
        assertTrue(e.getMessage().contains("pair") && e.getMessage().contains("f"), e.getMessage());
        assertEquals(1, lane.consumed(), "the pair counts as taken, as a throwing sink's element does");
    }

    @Test
    void aFullLaneRefusesUntilTheConsumerGivesSlotsBack() {
        SpscLane<Integer> lane = new SpscLane<>(4);
        for (int i = 0; i < 4; i++) {
            assertTrue(lane.offer(i));
        }
        assertFalse(lane.offer(4), "unpublished elements count towards full too");
        lane.publish();
        assertFalse(lane.offer(4));
        assertEquals(4, lane.size());
        List<Integer> out = new ArrayList<>();
        assertEquals(1, lane.drain(out::add, 1));
        assertTrue(lane.offer(4));
        assertFalse(lane.offer(5));
        lane.publish();
        assertEquals(4, lane.drain(out::add, 10));
        assertEquals(List.of(0, 1, 2, 3, 4), out);
        assertEquals(5, lane.consumed());
    }

    @Test
    void drainStopsAtItsLimit() {
        SpscLane<Integer> lane = new SpscLane<>(16);
        for (int i = 0; i < 10; i++) {
            lane.offer(i);
        }
        lane.publish();
        List<Integer> out = new ArrayList<>();
        assertEquals(3, lane.drain(out::add, 3));
        assertEquals(7, lane.size());
        assertEquals(7, lane.drain(out::add, 100));
        assertEquals(0, lane.drain(out::add, 100));
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), out);
    }

    @Test
    void indicesWrapAroundTheRingManyTimes() {
        SpscLane<Integer> lane = new SpscLane<>(8);
        List<Integer> out = new ArrayList<>();
        int next = 0;
        for (int round = 0; round < 1_000; round++) {
            int n = 1 + round % 8;
            for (int i = 0; i < n; i++) {
                if (!lane.offer(next)) {
                    assertEquals(8, lane.size() + lane.unpublished(), "refused only when full");
                    lane.publish();
                    assertTrue(lane.drain(out::add, 1) == 1);
                    assertTrue(lane.offer(next));
                }
                next++;
            }
            lane.publish();
            lane.drain(out::add, 1 + round % 5);
        }
        while (lane.drain(out::add, 8) > 0) {
            // the rest
        }
        assertEquals(next, out.size());
        for (int i = 0; i < next; i++) {
            assertEquals(i, out.get(i));
        }
    }

    @Test
    void aThrowingSinkTakesTheElementsHandedOverAndNoMore() {
        SpscLane<Integer> lane = new SpscLane<>(8);
        for (int i = 0; i < 5; i++) {
            lane.offer(i);
        }
        lane.publish();
        List<Integer> out = new ArrayList<>();
        assertThrows(IllegalStateException.class, () -> lane.drain(e -> {
            out.add(e);
            if (e == 1) {
                throw new IllegalStateException("boom");
            }
        }, 10));
        assertEquals(List.of(0, 1), out);
        assertEquals(3, lane.size());
        lane.drain(out::add, 10);
        assertEquals(List.of(0, 1, 2, 3, 4), out);
    }

    @Test
    void drainedSlotsDoNotKeepTheirElementsReachable() throws Exception {
        SpscLane<Object> lane = new SpscLane<>(4);
        lane.offer(new Object());
        lane.publish();
        lane.drain(e -> {
        }, 1);
        assertNull(lane.consumerRing[0]);
    }

    @Test
    void theConsumerSeesPublishedElementsOnlyUntilItDrainsThem() {
        SpscLane<Integer> lane = new SpscLane<>(8);
        assertFalse(lane.hasPublished());
        lane.offer(1);
        assertFalse(lane.hasPublished(), "offered, not yet published");
        lane.publish();
        assertTrue(lane.hasPublished());
        lane.drain(e -> {
        }, 8);
        assertFalse(lane.hasPublished());
    }

    @Test
    void capacityMustBeAPowerOfTwo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SpscLane<>(6));
        assertTrue(e.getMessage().contains("power of two") && e.getMessage().contains("6"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SpscLane<>(1));
        assertEquals(2, new SpscLane<>(2).capacity());
    }

    @Test
    void aLaneStartsSmallAndGrowsToItsCapacityButNoFurther() {
        SpscLane<Integer> lane = new SpscLane<>(64, 4);
        assertEquals(4, lane.ringSize());
        for (int i = 0; i < 64; i++) {
            assertTrue(lane.offer(i), "element " + i + " of a lane of 64");
            if (i % 5 == 4) {
                lane.publish();
            }
        }
        assertFalse(lane.offer(64), "the capacity stays the bound");
        assertEquals(64, lane.ringSize());
        lane.publish();
        List<Integer> out = new ArrayList<>();
        assertEquals(64, lane.drain(out::add, 100));
        for (int i = 0; i < 64; i++) {
            assertEquals(i, out.get(i));
        }
        assertTrue(lane.offer(64), "room again once drained");
        assertEquals(64, lane.ringSize(), "a ring never shrinks");
    }

    @Test
    void theDefaultLaneStartsAtTheInitialSizeOrItsCapacity() {
        assertEquals(SpscLane.INITIAL_SIZE, new SpscLane<>(65_536).ringSize());
        assertEquals(8, new SpscLane<>(8).ringSize());
    }

    @Test
    void theConsumerFollowsTheProducerIntoTheLargerRing() {
        SpscLane<String> lane = new SpscLane<>(8, 2);
        lane.offer("a");
        lane.offer("b", 1, null); // the ring of 2 keeps a slot free: this one grows it
        assertEquals(4, lane.ringSize());
        assertEquals(2, lane.unpublished(), "growing publishes nothing");
        assertFalse(lane.hasPublished());
        lane.publish(); // "a" into the old ring, "b" into the new one
        lane.offer("c");
        assertEquals(2, lane.size());
        assertTrue(lane.hasPublished());
        List<String> out = new ArrayList<>();
        SpscLane.Sink<String> sink = recording(out);
        assertEquals(1, lane.drain(sink, 1));
        assertTrue(lane.hasPublished(), "past the marker, in the new ring");
        assertEquals(1, lane.drain(sink, 10), "the marker is not an element, and \"c\" is not published yet");
        assertFalse(lane.hasPublished());
        lane.publish();
        assertTrue(lane.hasPublished());
        assertEquals(1, lane.drain(sink, 10));
        assertEquals(List.of("a", "b(1,null)", "c"), out);
    }

    @Test
    void aRingThatGrowsWhileTheConsumerLagsHandsEverythingOverInOrder() {
        SpscLane<Integer> lane = new SpscLane<>(256, 2);
        List<Object> out = new ArrayList<>();
        SpscLane.Sink<Integer> sink = new SpscLane.Sink<>() {
            @Override
            public void accept(Integer element) {
                out.add(element);
            }

            @Override
            public void acceptPair(Integer element, Object a, Object b) {
                assertEquals(element, a);
                assertEquals("p", b);
                out.add(element);
            }
        };
        int next = 0;
        for (int round = 0; round < 300; round++) {
            for (int i = 0; i < round % 13; i++) {
                Integer e = next;
                if (!(e % 3 == 0 ? lane.offer(e, e, "p") : lane.offer(e))) {
                    break;
                }
                next++;
            }
            lane.publish();
            lane.drain(sink, round % 7);
        }
        while (lane.drain(sink, 10) > 0) {
            // the rest
        }
        assertTrue(lane.ringSize() > 2, "the consumer lagged, so the ring grew");
        assertEquals(next, out.size());
        for (int i = 0; i < next; i++) {
            assertEquals(i, out.get(i));
        }
    }

    /**
     * One producer thread and one consumer thread, 20 million elements through a small ring (so it is full and
     * empty many times over), published in batches of varying size: every element arrives once, in order. From the
     * millionth on, every third element is a pair (so the pairs' array is made while the consumer drains), which
     * must arrive with its arguments.
     */
    @Test
    void twoThreadsPassTwentyMillionElementsAndPairsInOrder() throws Exception {
        passInOrder(new SpscLane<>(256), 20_000_000);
    }

    /**
     * The same through a lane whose ring starts at 2 slots and grows while the consumer drains, up to a capacity of
     * 16,384, as deep as the producer gets ahead.
     */
    @Test
    void twoThreadsPassElementsInOrderThroughARingThatGrows() throws Exception {
        SpscLane<Integer> lane = new SpscLane<>(16_384, 2);
        passInOrder(lane, 5_000_000);
        assertTrue(lane.ringSize() > 2, "ring of " + lane.ringSize());
    }

    private static void passInOrder(SpscLane<Integer> lane, int total) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread producer = new Thread(() -> {
            try {
                int batch = 0;
                for (int i = 0; i < total; i++) {
                    Integer element = i;
                    boolean pair = i >= 1_000_000 && i % 3 == 0;
                    while (!(pair ? lane.offer(element, element, "b") : lane.offer(element))) {
                        lane.publish();
                        Thread.yield();
                    }
                    if (++batch == 1 + (i & 63)) {
                        lane.publish();
                        batch = 0;
                    }
                }
                lane.publish();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "lane-producer");
        long[] expected = { 0 };
        Thread consumer = new Thread(() -> {
            try {
                while (expected[0] < total && failure.get() == null) {
                    int n = lane.drain(new SpscLane.Sink<Integer>() {
                        @Override
                        public void accept(Integer e) {
                            if (e != expected[0] || (e >= 1_000_000 && e % 3 == 0)) {
                                throw new AssertionError("expected " + expected[0] + " but got " + e);
                            }
                            expected[0]++;
                        }

                        @Override
                        public void acceptPair(Integer e, Object a, Object b) {
                            if (e != expected[0] || e < 1_000_000 || e % 3 != 0 || a != e || !"b".equals(b)) {
                                throw new AssertionError("expected " + expected[0] + " but got the pair " + e + ", " + a
                                        + ", " + b);
                            }
                            expected[0]++;
                        }
                    }, 100);
                    if (n == 0) {
                        Thread.yield();
                    }
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "lane-consumer");
        producer.start();
        consumer.start();
        producer.join(120_000);
        consumer.join(120_000);
        assertFalse(producer.isAlive() || consumer.isAlive(), "the threads did not finish within two minutes");
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        assertEquals(total, expected[0]);
        assertTrue(lane.isEmpty());
        assertEquals(total, lane.consumed());
    }
}
