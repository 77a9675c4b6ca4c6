package io.quarkiverse.reactors.test.docs;

/** A request of the @OnEvent example: how many orders the reactor has seen. */
public record OrderCount() {
}
