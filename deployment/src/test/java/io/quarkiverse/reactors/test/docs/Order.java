package io.quarkiverse.reactors.test.docs;

/** The event of the @OnEvent example. */
// tag::order[]
public record Order(String id, long price) implements Priced {
}
// end::order[]
