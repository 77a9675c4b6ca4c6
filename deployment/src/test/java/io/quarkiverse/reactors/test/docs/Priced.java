package io.quarkiverse.reactors.test.docs;

/** An event supertype of the @OnEvent example. */
public interface Priced {
    long price();
}
