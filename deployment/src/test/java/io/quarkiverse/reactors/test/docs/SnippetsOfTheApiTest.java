package io.quarkiverse.reactors.test.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;

/** Runs the documentation's API fragments, so that they are not only compiled but work. */
public class SnippetsOfTheApiTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(2, Ring.class, SnippetsOfTheApi.class);

    @Inject
    Reactors reactors;

    @Test
    void fragmentsRun() throws Exception {
        SnippetsOfTheApi snippets = new SnippetsOfTheApi();
        snippets.pollers(reactors);
        Await.until(() -> reactors.pollers("ring").isEmpty() && reactors.pollers("flush").isEmpty());
        Await.onReactor(reactors.reactor(0), () -> {
            snippets.timers(reactors.reactor(0));
            return null;
        });
        Await.until(() -> snippets.flushes >= 1); // the re-armed one-shot fires
        assertTrue(!snippets.watch(reactors, ByteBuffer.allocate(16)).isActive());
        assertEquals("row", snippets.offload(reactors.reactor(1), () -> "row", () -> null).await().atMost(Await.TIMEOUT));
    }
}
