package io.quarkiverse.reactors.test.docs;

import java.util.ArrayDeque;

/** Stands for an application's ring buffer in the documentation's examples; used on one reactor at a time. */
public class Ring {

    private final ArrayDeque<Object> items = new ArrayDeque<>();

    public void offer(Object item) {
        items.add(item);
    }

    /** @return how many items were drained */
    public int drain() {
        int n = items.size();
        items.clear();
        return n;
    }
}
