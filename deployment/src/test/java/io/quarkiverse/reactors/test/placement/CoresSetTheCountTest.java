package io.quarkiverse.reactors.test.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.runtime.internal.placement.CpuList;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorGroup;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;

/**
 * A one-CPU list makes one reactor and one event loop, unpinned by default; the default transport is NIO
 * and the stats say so.
 */
public class CoresSetTheCountTest {

    static final int CPU = CpuList.allowedCpus().nextSetBit(0);

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideRuntimeConfigKey("quarkus.reactors.cores", String.valueOf(CPU));

    @Inject
    Reactors reactors;

    @Inject
    Vertx vertx;

    @Test
    void oneReactorPerListedCpu() {
        assertEquals(1, reactors.count());
        AtomicInteger loops = new AtomicInteger();
        ((VertxInternal) vertx).getEventLoopGroup().forEach(loop -> loops.incrementAndGet());
        assertEquals(1, loops.get(), "the event-loop pool follows the CPU list");
        assertEquals(CPU, ((ReactorGroup) reactors).placement().get(0).cpu());
        assertFalse(((ReactorGroup) reactors).placement().get(0).pinned(), "pin-threads defaults to false");
        assertEquals("nio", reactors.reactor(0).stats().transport());
        assertEquals("NioEventLoop", ((ReactorGroup) reactors).placement().get(0).loop());
    }
}
