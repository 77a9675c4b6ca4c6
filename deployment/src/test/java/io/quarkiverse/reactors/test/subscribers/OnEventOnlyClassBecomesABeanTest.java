package io.quarkiverse.reactors.test.subscribers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.OnEvent;
import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.arc.Arc;
import io.quarkus.test.QuarkusUnitTest;

/** A class with an @OnEvent method and no scope becomes a @Singleton bean, injected nowhere yet kept. */
public class OnEventOnlyClassBecomesABeanTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(1, Echo.class, Ping.class);

    public record Ping(String text) {
    }

    /** No scope annotation, no injection point anywhere. */
    public static class Echo {
        @OnEvent
        String echo(Ping ping) {
            return ping.text() + "!";
        }
    }

    @Inject
    Reactors reactors;

    @Test
    void itIsASingletonBeanAndReceivesEvents() {
        assertEquals(Singleton.class, Arc.container().instance(Echo.class).getBean().getScope());
        assertEquals("hi!", reactors.reactor(0).<String> request(new Ping("hi")).await().atMost(Await.TIMEOUT));
    }
}
