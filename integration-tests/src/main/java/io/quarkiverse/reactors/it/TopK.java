package io.quarkiverse.reactors.it;

/**
 * The {@code k} highest scores posted for one key (a leaderboard entry), as a bounded min-heap, plus how many
 * scores were posted. Every post reads and rewrites the heap: a structure that a shared version must lock as a
 * whole, unlike a counter that one atomic update can change.
 * <p>
 * Not thread-safe: on reactors one instance lives on the key's owner; the shared versions guard it with a lock.
 */
public final class TopK {

    /** What a post returns: the scores posted so far, the best score, and the score a post must beat to enter. */
    public record Snapshot(String key, long posted, long best, long entryBar) {
    }

    private final long[] heap;
    private int size;
    private long posted;

    public TopK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        this.heap = new long[k];
    }

    /** Adds {@code score}, keeping the {@code k} highest, and returns the state after it. */
    public Snapshot add(String key, long score) {
        posted++;
        if (size < heap.length) {
            heap[size] = score;
            siftUp(size++);
        } else if (score > heap[0]) {
            heap[0] = score;
            siftDown(0);
        }
        return snapshot(key);
    }

    public Snapshot snapshot(String key) {
        long best = Long.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            best = Math.max(best, heap[i]);
        }
        return new Snapshot(key, posted, best, size < heap.length ? Long.MIN_VALUE : heap[0]);
    }

    private void siftUp(int i) {
        long v = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heap[parent] <= v) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = v;
    }

    private void siftDown(int i) {
        long v = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            if (child + 1 < size && heap[child + 1] < heap[child]) {
                child++;
            }
            if (v <= heap[child]) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = v;
    }
}
