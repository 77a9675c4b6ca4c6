package io.quarkiverse.reactors.benchmarks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A count written by one thread (plain increment, opaque store) and read by another: the same cheap
 * work for our pollers and for the Agrona baseline's agents. Padded so that counters of different
 * pollers do not share a cache line.
 */
final class Counter {

    private static final VarHandle VALUE;

    static {
        try {
            VALUE = MethodHandles.lookup().findVarHandle(Counter.class, "value", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    long p1, p2, p3, p4, p5, p6, p7;
    private long value;
    long q1, q2, q3, q4, q5, q6, q7;

    int increment() {
        VALUE.setOpaque(this, value + 1);
        return 0; // idle: measures the cost of polling, not of work
    }

    long read() {
        return (long) VALUE.getOpaque(this);
    }

    /** Lets the counting threads warm up for 200 ms, then measures the total rate of {@code counters}, per second. */
    static double perSecond(long millis, Counter... counters) {
        Fixtures.sleep(200);
        long before = sum(counters);
        long start = System.nanoTime();
        Fixtures.sleep(millis);
        long counted = sum(counters) - before;
        return counted * 1e9 / (System.nanoTime() - start);
    }

    private static long sum(Counter[] counters) {
        long total = 0;
        for (Counter counter : counters) {
            total += counter.read();
        }
        return total;
    }
}
