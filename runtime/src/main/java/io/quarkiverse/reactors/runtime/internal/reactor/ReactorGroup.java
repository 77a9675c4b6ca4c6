package io.quarkiverse.reactors.runtime.internal.reactor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BinaryOperator;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.FastThreadLocal;
import io.quarkiverse.reactors.Poller;
import io.quarkiverse.reactors.PollerHandle;
import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.runtime.internal.events.EventDispatcher;
import io.quarkiverse.reactors.runtime.internal.events.EventInvoker;
import io.quarkiverse.reactors.runtime.internal.events.EventSubscriber;
import io.quarkiverse.reactors.runtime.internal.events.SubscriberSpecs;
import io.quarkiverse.reactors.runtime.internal.ingress.KeyMap;
import io.quarkiverse.reactors.runtime.internal.offload.OffloadPool;
import io.quarkiverse.reactors.runtime.internal.placement.CpuList;
import io.quarkiverse.reactors.runtime.internal.placement.Placement;
import io.quarkiverse.reactors.runtime.internal.placement.ReactorPlacement;
import io.quarkiverse.reactors.runtime.internal.pollers.PollerInvoker;
import io.quarkiverse.reactors.runtime.internal.watch.WatchClaims;
import io.quarkiverse.reactors.runtime.internal.watch.WatchSelector;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;

/**
 * All reactors of one application: reactor {@code i} is bound to the {@code i}-th event loop of the
 * Vert.x event-loop group, through an event-loop context created on that exact Netty {@link EventLoop}.
 * <p>
 * Thread-safe. The reactor of the calling thread is found through a Netty {@link FastThreadLocal}
 * (an array slot on Vert.x threads), set on each loop when the group starts.
 */
public final class ReactorGroup implements Reactors {

    private static final Logger LOG = Logger.getLogger("io.quarkiverse.reactors");
    private static final FastThreadLocal<ReactorImpl> CURRENT = new FastThreadLocal<>();

    private final ReactorImpl[] reactors;
    private final List<Reactor> all;
    private final EventDispatcher dispatcher;
    private final WatchSelector watchSelector;
    private final String transport;
    private final List<ReactorPlacement> placement;

    private ReactorGroup(ReactorImpl[] reactors, EventDispatcher dispatcher, WatchSelector watchSelector,
            String transport, List<ReactorPlacement> placement) {
        this.watchSelector = watchSelector;
        this.transport = transport;
        this.placement = placement;
        this.reactors = reactors;
        this.all = List.of(reactors);
        this.dispatcher = dispatcher;
    }

    /**
     * Binds {@code count} reactors to the first {@code count} event loops of {@code vertx}, unpinned.
     *
     * @throws IllegalStateException when Vert.x has fewer event loops than reactors
     */
    public static ReactorGroup start(Vertx vertx, int count, ReactorSettings settings) {
        return start(vertx, Placement.resolve(Optional.empty(), OptionalInt.empty(), OptionalInt.of(count),
                CpuList.allowedCpus(), count), settings);
    }

    /**
     * Binds one reactor per CPU of {@code placement} to the first event loops of {@code vertx}, pinning
     * each loop's thread when the placement says so.
     *
     * @throws IllegalStateException when Vert.x has fewer event loops than reactors
     */
    public static ReactorGroup start(Vertx vertx, Placement placement, ReactorSettings settings) {
        int count = placement.count();
        VertxInternal vx = (VertxInternal) vertx;
        List<EventLoop> loops = new ArrayList<>();
        for (EventExecutor executor : vx.getEventLoopGroup()) {
            loops.add((EventLoop) executor);
        }
        if (loops.size() < count) {
            throw new IllegalStateException("quarkus.reactors.count is " + count + " but Vert.x has only " + loops.size()
                    + " event loops (quarkus.vertx.event-loops-pool-size=" + loops.size() + "). Each reactor needs an event"
                    + " loop of its own: remove quarkus.vertx.event-loops-pool-size (the extension then sizes the pool to"
                    + " the reactor count), set it to at least " + count + ", or lower quarkus.reactors.count to "
                    + loops.size() + ".");
        }
        if (loops.size() > count) {
            LOG.warnf("Vert.x has %d event loops but there are %d reactors: loops %d..%d are not reactors, so HTTP"
                    + " requests served there are not on a reactor (quarkus.vertx.event-loops-pool-size)",
                    loops.size(), count, count, loops.size() - 1);
        }
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        String transport = Transports.active(vertx);
        EventDispatcher dispatcher = new EventDispatcher();
        ReactorImpl[] reactors = new ReactorImpl[count];
        WatchClaims watchClaims = new WatchClaims();
        WatchSelector watchSelector = new WatchSelector();
        for (int i = 0; i < count; i++) {
            ContextInternal context = vx.createEventLoopContext(loops.get(i), null, tccl);
            reactors[i] = new ReactorImpl(i, reactors, context, settings, dispatcher, watchClaims, watchSelector);
            reactors[i].transport(transport);
        }
        ReactorPlacement[] placed = new ReactorPlacement[count];
        for (ReactorImpl reactor : reactors) {
            int id = reactor.id();
            String loop = reactor.eventLoop().getClass().getSimpleName();
            // Starts the loop's thread if it was not running yet; waiting here is fine: this is the
            // application's startup thread, never a reactor.
            placed[id] = reactor.eventLoop().submit(() -> {
                reactor.bindThread(Thread.currentThread());
                CURRENT.set(reactor);
                return ReactorPlacement.bindCurrentThread(id, loop, placement.cpu(id), placement.pinner());
            }).syncUninterruptibly().getNow();
        }
        for (ReactorImpl reactor : reactors) {
            reactor.wakeUp(); // first iteration: a spinning reactor starts spinning now
        }
        return new ReactorGroup(reactors, dispatcher, watchSelector, transport, List.of(placed));
    }

    /** @return the Netty transport the reactors' event loops run on: nio, epoll, io_uring or kqueue */
    public String transport() {
        return transport;
    }

    /** @return where each reactor runs, by reactor id */
    public List<ReactorPlacement> placement() {
        return placement;
    }

    /** @return one line per reactor: reactor, event loop, thread, CPU */
    public String describePlacement() {
        StringBuilder table = new StringBuilder();
        for (ReactorPlacement reactor : placement) {
            table.append(System.lineSeparator()).append("  ").append(reactor);
        }
        return table.toString();
    }

    /** Sends every reactor's offloaded tasks to {@code pool}; at startup, before the group is published. */
    public void offloadTo(OffloadPool pool) {
        for (ReactorImpl reactor : reactors) {
            reactor.offloadTo(pool);
        }
    }

    /** @return the reactors, in id order; not to be modified */
    public ReactorImpl[] reactorArray() {
        return reactors;
    }

    /** @return the reactor of the calling thread, or null when it is not a reactor thread */
    public static ReactorImpl currentOrNull() {
        return CURRENT.getIfExists();
    }

    @Override
    public int count() {
        return reactors.length;
    }

    @Override
    public Reactor reactor(int id) {
        if (id < 0 || id >= reactors.length) {
            throw new IllegalArgumentException(
                    "No reactor " + id + ": reactor ids are 0.." + (reactors.length - 1) + " (quarkus.reactors.count="
                            + reactors.length + ")");
        }
        return reactors[id];
    }

    @Override
    public Reactor current() {
        ReactorImpl current = CURRENT.getIfExists();
        if (current == null) {
            throw new IllegalStateException("Thread '" + Thread.currentThread().getName()
                    + "' is not a reactor thread: reactors run on the Vert.x event loops "
                    + describeThreads() + ". Use reactors.reactor(id) or reactors.forKey(key) with send() or call()"
                    + " to run code on a reactor.");
        }
        return current;
    }

    /** @return the reactor threads' names, in id order */
    public String describeThreads() {
        StringBuilder names = new StringBuilder();
        for (ReactorImpl reactor : reactors) {
            names.append(names.length() == 0 ? "" : ", ").append(reactor.thread().getName());
        }
        return names.toString();
    }

    @Override
    public boolean onReactor() {
        return CURRENT.getIfExists() != null;
    }

    @Override
    public Reactor forKey(Object key) {
        return reactors[KeyMap.ownerOf(key, reactors.length)];
    }

    @Override
    public int ownerOf(Object key) {
        return KeyMap.ownerOf(key, reactors.length);
    }

    @Override
    public List<Reactor> all() {
        return all;
    }

    @Override
    public Uni<Void> broadcast(Runnable task) {
        Objects.requireNonNull(task, "task");
        List<Uni<Void>> runs = new ArrayList<>(reactors.length);
        for (ReactorImpl reactor : reactors) {
            runs.add(reactor.call(() -> {
                task.run();
                return null;
            }));
        }
        return Uni.combine().all().unis(runs).collectFailures().discardItems();
    }

    @Override
    public <T> Uni<T> mapReduce(Supplier<T> map, BinaryOperator<T> reduce) {
        Objects.requireNonNull(map, "map");
        Objects.requireNonNull(reduce, "reduce");
        List<Uni<T>> maps = new ArrayList<>(reactors.length);
        for (ReactorImpl reactor : reactors) {
            maps.add(reactor.call(map));
        }
        return Uni.combine().all().unis(maps).collectFailures().with(results -> {
            @SuppressWarnings("unchecked")
            T folded = (T) results.get(0);
            for (int i = 1; i < results.size(); i++) {
                @SuppressWarnings("unchecked")
                T next = (T) results.get(i);
                folded = reduce.apply(folded, next);
            }
            return folded;
        });
    }

    @Override
    public void fire(Object event) {
        EventSubscriber[] subscribers = dispatcher.subscribersOf(event);
        RuntimeException refused = null;
        for (ReactorImpl reactor : reactors) {
            try {
                reactor.calls().fire(subscribers, event);
            } catch (RuntimeException e) {
                if (refused == null) {
                    refused = e;
                } else {
                    refused.addSuppressed(e);
                }
            }
        }
        if (refused != null) {
            throw refused;
        }
    }

    @Override
    public Uni<Void> deliver(Object event) {
        EventSubscriber[] subscribers = dispatcher.subscribersOf(event);
        List<Uni<Void>> deliveries = new ArrayList<>(reactors.length);
        for (ReactorImpl reactor : reactors) {
            deliveries.add(reactor.calls().deliver(subscribers, null, event));
        }
        return Uni.combine().all().unis(deliveries).collectFailures().discardItems();
    }

    /**
     * Registers a {@code @Poller} method on the reactors its {@code cores} select, at startup: at once, or after
     * {@code delayed} (an every-iteration poller is registered then; a periodic one first runs then).
     *
     * @param skip the {@code skipExecutionIf} predicate, or null: a skipped run calls nothing and counts as idle
     * @throws IllegalArgumentException naming the method when {@code every}, {@code cores} or {@code delayed} is
     *         invalid
     */
    public void registerPoller(String description, String name, String every, String cores, String delayed,
            PollerInvoker invoker, Poller.SkipPredicate skip, Object bean) {
        long period;
        long delay;
        BitSet selected;
        try {
            period = SubscriberSpecs.parseEvery(SubscriberSpecs.resolve(every, ReactorGroup::configValue));
            selected = SubscriberSpecs.parseCores(SubscriberSpecs.resolve(cores, ReactorGroup::configValue),
                    reactors.length);
            delay = SubscriberSpecs.parseDelayed(SubscriberSpecs.resolve(delayed, ReactorGroup::configValue));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("@Poller " + description + ": " + e.getMessage(), e);
        }
        if (period == SubscriberSpecs.DISABLED) {
            LOG.debugf("@Poller %s is disabled (every = \"%s\")", description, every);
            return;
        }
        if (LOG.isDebugEnabled()) {
            LOG.debugf("@Poller %s registered as '%s' on reactors %s, every %s%s", description, name,
                    selected.stream().boxed().toList(),
                    period == 0 ? "iteration" : Duration.ofNanos(period),
                    delay == 0 ? "" : ", starting after " + Duration.ofNanos(delay));
        }
        for (int id = selected.nextSetBit(0); id >= 0; id = selected.nextSetBit(id + 1)) {
            ReactorImpl reactor = reactors[id];
            IntSupplier poll = skip == null ? () -> invoker.poll(bean, reactor)
                    : () -> skip.test(reactor, name) ? 0 : invoker.poll(bean, reactor);
            if (period == 0 && delay > 0) {
                reactor.timer(Duration.ofNanos(delay), () -> reactor.poller(name, poll, Duration.ZERO));
            } else {
                reactor.poller(name, poll, Duration.ofNanos(period), delay);
            }
        }
    }

    /**
     * Adds an {@code @OnEvent} method to the subscribers, at startup.
     *
     * @param replies whether its return value answers {@link Reactor#request(Object)}
     */
    public void registerSubscriber(String description, EventInvoker invoker, Object bean, boolean replies) {
        dispatcher.add(new EventSubscriber(invoker, bean, description, replies));
    }

    private static Optional<String> configValue(String key) {
        return ConfigProvider.getConfig().getOptionalValue(key, String.class);
    }

    @Override
    public List<PollerHandle> pollers(String name) {
        Objects.requireNonNull(name, "name");
        List<PollerHandle> found = new ArrayList<>();
        for (ReactorImpl reactor : reactors) {
            for (PollerHandle poller : reactor.pollers()) {
                if (poller.name().equals(name)) {
                    found.add(poller);
                }
            }
        }
        return found;
    }

    /**
     * Shutdown, on the application's shutdown thread: refuses new events on every reactor, waits up to
     * {@code timeout} for the queues and offloads to drain, then tears each reactor down; see {@link GroupShutdown}.
     */
    public void stop(Duration timeout) {
        GroupShutdown.stop(reactors, watchSelector, onReactor(), timeout);
    }
}
