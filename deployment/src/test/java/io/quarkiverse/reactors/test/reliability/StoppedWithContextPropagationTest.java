package io.quarkiverse.reactors.test.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.ReactorStoppedException;
import io.quarkiverse.reactors.Reactors;
import io.quarkus.builder.Version;
import io.quarkus.maven.dependency.Dependency;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.subscription.UniSubscriber;
import io.smallrye.mutiny.subscription.UniSubscription;

/**
 * After shutdown, with SmallRye Context Propagation in the application (as with Quarkus REST), a call and an
 * offload from a plain thread fail with {@link ReactorStoppedException}, not with a {@code NullPointerException}
 * from the context propagation that Mutiny applies to the callback of a new emitter Uni.
 */
public class StoppedWithContextPropagationTest {

    static final String KEY = StoppedWithContextPropagationTest.class.getName();

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideRuntimeConfigKey("quarkus.reactors.count", "2")
            .setForcedDependencies(List.of(
                    Dependency.of("io.quarkus", "quarkus-smallrye-context-propagation-deployment", Version.getVersion())))
            .setAfterUndeployListener(StoppedWithContextPropagationTest::afterShutdown);

    @Inject
    Reactors reactors;

    @Test
    void prepare() {
        Reactor reactor = reactors.reactor(1);
        Map<String, String> outcomes = new ConcurrentHashMap<>();
        Runnable afterShutdown = () -> {
            try {
                // Not subscribe().with(...) nor asCompletionStage(): Mutiny hands their callbacks to the context
                // propagation, which throws a NullPointerException after shutdown whatever the Uni (design-notes.adoc)
                reactor.call(() -> 1).subscribe().withSubscriber(new UniSubscriber<Integer>() {
                    @Override
                    public void onSubscribe(UniSubscription subscription) {
                    }

                    @Override
                    public void onItem(Integer item) {
                        outcomes.put("call", "item " + item);
                    }

                    @Override
                    public void onFailure(Throwable failure) {
                        outcomes.put("call", failure.getClass().getName());
                    }
                });
            } catch (Throwable t) {
                outcomes.put("call", "threw " + t.getClass().getName());
            }
            try {
                reactor.offload(() -> 1).await().atMost(Duration.ofSeconds(5));
                outcomes.put("offload", "item");
            } catch (Throwable t) {
                outcomes.put("offload", t.getClass().getName());
            }
            try {
                reactor.callAsync(() -> 1).whenComplete((v, f) -> outcomes.put("callAsync",
                        f == null ? "item " + v : f.getClass().getName()));
            } catch (Throwable t) {
                outcomes.put("callAsync", "threw " + t.getClass().getName());
            }
        };
        System.getProperties().put(KEY, Map.of("run", afterShutdown, "outcomes", outcomes));
    }

    @SuppressWarnings("unchecked")
    static void afterShutdown() {
        Map<String, Object> shared = (Map<String, Object>) System.getProperties().remove(KEY);
        assertNotNull(shared, "the test ran");
        Map<String, String> outcomes = (Map<String, String>) shared.get("outcomes");
        Thread plain = new Thread((Runnable) shared.get("run"), "after-shutdown");
        plain.start();
        try {
            plain.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String stopped = ReactorStoppedException.class.getName();
        assertEquals(Map.of("call", stopped, "offload", stopped, "callAsync", stopped), outcomes);
    }
}
