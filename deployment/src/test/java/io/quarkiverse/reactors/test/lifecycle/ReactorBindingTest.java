package io.quarkiverse.reactors.test.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.netty.util.concurrent.EventExecutor;
import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;

/** Reactor i is Vert.x event loop i, the pool is sized to the reactors, and events run in the reactor's context. */
public class ReactorBindingTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(3);

    @Inject
    Reactors reactors;

    @Inject
    Vertx vertx;

    @Test
    void eventLoopPoolIsSizedToTheReactorCount() {
        assertEquals(3, reactors.count());
        assertEquals(3, eventLoops().size());
        assertEquals(3, reactors.all().size());
    }

    @Test
    void reactorIRunsOnEventLoopI() {
        List<EventExecutor> loops = eventLoops();
        Set<Thread> threads = new HashSet<>();
        for (int i = 0; i < reactors.count(); i++) {
            Reactor reactor = reactors.reactor(i);
            assertEquals(i, reactor.id());
            assertSame(reactor, reactors.all().get(i));
            EventExecutor loop = loops.get(i);
            Thread thread = Await.result(reactor.callAsync(() -> {
                assertTrue(loop.inEventLoop(), "event runs on loop " + loop);
                return Thread.currentThread();
            }));
            threads.add(thread);
            assertTrue(thread.getName().startsWith("vert.x-eventloop-thread-"), thread.getName());
        }
        assertEquals(3, threads.size(), "each reactor has its own thread");
    }

    @Test
    void eventsRunInTheReactorsVertxContextAndVertxApisWork() {
        Reactor reactor = reactors.reactor(1);
        Context context = reactor.context();
        assertTrue(context.isEventLoopContext());
        CompletableFuture<Thread> timerThread = new CompletableFuture<>();
        Thread eventThread = Await.result(reactor.callAsync(() -> {
            assertSame(context, Vertx.currentContext());
            assertSame(reactor, reactors.current());
            assertTrue(reactors.onReactor());
            assertTrue(reactor.isCurrent());
            assertFalse(reactors.reactor(0).isCurrent());
            vertx.setTimer(1, id -> timerThread.complete(Thread.currentThread()));
            return Thread.currentThread();
        }));
        assertSame(eventThread, Await.result(timerThread), "a Vert.x timer set inside an event fires on that reactor");
    }

    @Test
    void currentOffReactorFailsNamingTheThread() {
        assertFalse(reactors.onReactor());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> reactors.current());
        assertTrue(e.getMessage().contains("'" + Thread.currentThread().getName() + "' is not a reactor thread"),
                e.getMessage());
    }

    @Test
    void outOfRangeIdsFailNamingTheRange() {
        for (int bad : new int[] { -1, 3, Integer.MAX_VALUE }) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> reactors.reactor(bad));
            assertTrue(e.getMessage().contains("No reactor " + bad + ": reactor ids are 0..2"), e.getMessage());
        }
    }

    @Test
    void reactorContextsAreDistinctFromOtherContextsOnTheSameLoop() {
        ContextInternal reactorContext = (ContextInternal) reactors.reactor(0).context();
        ContextInternal other = ((VertxInternal) vertx).createEventLoopContext(reactorContext.nettyEventLoop(), null,
                Thread.currentThread().getContextClassLoader());
        assertNotSame(reactorContext, other);
        // an unrelated context on loop 0 still sees reactor 0 as current: identity is by thread
        CompletableFuture<Reactor> seen = new CompletableFuture<>();
        other.runOnContext(x -> seen.complete(reactors.current()));
        assertSame(reactors.reactor(0), Await.result(seen));
    }

    private List<EventExecutor> eventLoops() {
        List<EventExecutor> loops = new ArrayList<>();
        ((VertxInternal) vertx).getEventLoopGroup().forEach(loops::add);
        return loops;
    }
}
