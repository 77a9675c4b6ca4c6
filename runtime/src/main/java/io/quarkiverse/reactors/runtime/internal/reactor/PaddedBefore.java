package io.quarkiverse.reactors.runtime.internal.reactor;

/**
 * Cache-line padding laid out before the fields of a subclass: 128 bytes, two cache lines, because x86 prefetches
 * lines in pairs (the padding JCTools and Agrona use). A class whose fields the reactor writes on every iteration
 * extends it with an abstract class holding those fields, and pads after them in a further subclass (superclass
 * fields come first in HotSpot's layout), so that its writes never dirty a cache line of a neighbouring object,
 * such as the mailbox fields senders read on every send. {@code CacheLineLayoutTest} checks the layout with JOL.
 */
@SuppressWarnings("unused")
abstract class PaddedBefore {
    /**
     * Takes the 4 bytes after a compressed object header, which the JVM would otherwise fill with a subclass's int
     * or reference (JDK 15+ fills gaps), ahead of the padding.
     */
    private int headerGap;
    private long p00, p01, p02, p03, p04, p05, p06, p07;
    private long p08, p09, p10, p11, p12, p13, p14, p15;
}
