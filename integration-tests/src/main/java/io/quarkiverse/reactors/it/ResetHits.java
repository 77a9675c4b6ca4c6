package io.quarkiverse.reactors.it;

/** An event: clear the hit counts of the reactor it is delivered to. */
public record ResetHits() {
}
