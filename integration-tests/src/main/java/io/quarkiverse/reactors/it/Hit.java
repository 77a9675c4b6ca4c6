package io.quarkiverse.reactors.it;

/** An event: some hits to count on the reactor it is fired to. */
public record Hit(String page, long count) {
}
