package io.quarkiverse.reactors.test.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.PollerHandle;
import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.runtime.devui.ReactorsJsonRpcService;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The Dev UI's JSON-RPC service: live stats, and pause/resume of a named poller that really stops it. */
public class DevUiServiceTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(2);

    @Inject
    Reactors reactors;

    @Test
    void statsAndPauseResume() {
        ReactorsJsonRpcService service = new ReactorsJsonRpcService(reactors);
        AtomicLong calls = new AtomicLong();
        PollerHandle poller = reactors.reactor(1).poller("dev-ui-poller", () -> {
            calls.incrementAndGet();
            return 0;
        }, Duration.ofMillis(1));
        try {
            JsonArray all = service.getReactors();
            assertEquals(2, all.size());
            assertEquals(1, all.getJsonObject(1).getInteger("id"));
            Await.until(() -> service.getPollers().stream().map(JsonObject.class::cast)
                    .anyMatch(p -> p.getString("name").equals("dev-ui-poller") && p.getInteger("reactor") == 1));

            JsonObject paused = service.pause(1, "dev-ui-poller");
            assertTrue(paused.getBoolean("paused"));
            assertTrue(poller.paused());
            Await.onReactor(reactors.reactor(1), () -> null);
            long before = calls.get();
            Await.sleep(50);
            Await.onReactor(reactors.reactor(1), () -> null);
            assertEquals(before, calls.get(), "a paused poller is not called");

            assertFalse(service.resume(1, "dev-ui-poller").getBoolean("paused"));
            Await.until(() -> calls.get() > before);

            IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                    () -> service.pause(0, "dev-ui-poller"));
            assertTrue(unknown.getMessage().contains("Reactor 0 has no poller named 'dev-ui-poller'"),
                    unknown.getMessage());
        } finally {
            poller.cancel();
        }
    }
}
