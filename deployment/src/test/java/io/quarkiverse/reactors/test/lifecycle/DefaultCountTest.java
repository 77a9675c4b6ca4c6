package io.quarkiverse.reactors.test.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Reactors;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;

/** Without configuration there is one reactor per available processor and exactly as many event loops. */
public class DefaultCountTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest().withEmptyApplication();

    @Inject
    Reactors reactors;

    @Inject
    Vertx vertx;

    @Test
    void oneReactorAndOneEventLoopPerProcessor() {
        int processors = Runtime.getRuntime().availableProcessors();
        assertEquals(processors, reactors.count());
        AtomicInteger loops = new AtomicInteger();
        ((VertxInternal) vertx).getEventLoopGroup().forEach(loop -> loops.incrementAndGet());
        assertEquals(processors, loops.get());
    }
}
