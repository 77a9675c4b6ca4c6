package io.quarkiverse.reactors.test.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.QuarkusUnitTest;

/** The reactors accept events and calls before StartupEvent observers run. */
public class StartupTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(2, WarmUp.class);

    @ApplicationScoped
    public static class WarmUp {

        private volatile List<Integer> idsSeenAtStartup;

        List<Integer> idsSeenAtStartup() {
            return idsSeenAtStartup;
        }

        void onStart(@Observes StartupEvent event, Reactors reactors) {
            idsSeenAtStartup = List.of(
                    reactors.reactor(0).call(() -> reactors.current().id()).await().indefinitely(),
                    reactors.reactor(1).call(() -> reactors.current().id()).await().indefinitely());
        }
    }

    @Inject
    WarmUp warmUp;

    @Test
    void callsWorkInStartupObservers() {
        assertEquals(List.of(0, 1), warmUp.idsSeenAtStartup());
    }
}
