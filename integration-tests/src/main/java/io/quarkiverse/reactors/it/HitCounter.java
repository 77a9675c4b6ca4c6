package io.quarkiverse.reactors.it;

import java.util.HashMap;
import java.util.Map;

import io.quarkiverse.reactors.OnEvent;
import io.quarkiverse.reactors.PerCore;

/**
 * Per-core hit counts: one instance per reactor, so no lock. Hits are counted as pending and moved to
 * the totals by a poller, as an ingest pipeline would batch its writes.
 */
@PerCore
public class HitCounter {

    private final Map<String, Long> pending = new HashMap<>();
    private final Map<String, Long> flushed = new HashMap<>();
    private long flushes;

    void add(String page, long count) {
        pending.merge(page, count, Long::sum);
    }

    /** @return how many pages were flushed (0 when there was nothing to do) */
    int flush() {
        if (pending.isEmpty()) {
            return 0;
        }
        int pages = pending.size();
        pending.forEach((page, count) -> flushed.merge(page, count, Long::sum));
        pending.clear();
        flushes++;
        return pages;
    }

    long flushed(String page) {
        return flushed.getOrDefault(page, 0L);
    }

    long pending(String page) {
        return pending.getOrDefault(page, 0L);
    }

    long flushes() {
        return flushes;
    }

    /** An @OnEvent method of a @PerCore bean: each reactor runs it on its own instance. */
    // tag::per-core-on-event[]
    @OnEvent
    void reset(ResetHits reset) {
        pending.clear();
        flushed.clear();
        flushes = 0;
    }
    // end::per-core-on-event[]
}
