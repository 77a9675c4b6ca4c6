package io.quarkiverse.reactors.runtime;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.runtime.internal.events.EventInvoker;
import io.quarkiverse.reactors.runtime.internal.offload.OffloadPool;
import io.quarkiverse.reactors.runtime.internal.ops.ReactorMeters;
import io.quarkiverse.reactors.runtime.internal.ops.ReactorWatchdog;
import io.quarkiverse.reactors.runtime.internal.placement.CpuList;
import io.quarkiverse.reactors.runtime.internal.placement.Placement;
import io.quarkiverse.reactors.runtime.internal.placement.ThreadPinning;
import io.quarkiverse.reactors.runtime.internal.pollers.PollerInvoker;
import io.quarkiverse.reactors.runtime.internal.reactor.BlockingOnReactor;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorGroup;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorSettings;
import io.quarkiverse.reactors.runtime.internal.reactor.Transports;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.InjectableBean;
import io.quarkus.runtime.Application;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.ShutdownContext;
import io.quarkus.runtime.annotations.Recorder;
import io.quarkus.runtime.metrics.MetricsFactory;
import io.vertx.core.Vertx;

/**
 * Starts the reactors at runtime init, before any {@code StartupEvent} observer runs, and stops them
 * at shutdown, before Vert.x closes. Thin on purpose: the behaviour lives in {@link ReactorGroup}.
 */
@Recorder
public class ReactorsRecorder {

    private static final Logger LOG = Logger.getLogger("io.quarkiverse.reactors");
    /** 4096 slots of the default 100 µs tick: one revolution is about 0.4 s. */
    private static final int TIMER_SLOTS = 4096;

    private final RuntimeValue<ReactorsConfig> config;

    public ReactorsRecorder(RuntimeValue<ReactorsConfig> config) {
        this.config = config;
    }

    /**
     * @param presentClasses the optional classes ({@code net.openhft:affinity}, Netty's native transports) that
     *        the build found on the class path
     */
    public RuntimeValue<Reactors> start(Supplier<Vertx> vertx, ShutdownContext shutdown, Set<String> presentClasses) {
        if (!config.getValue().pollers().enabled()) {
            LOG.info("@Poller methods are off: quarkus.reactors.pollers.enabled=false");
        }
        ReactorsConfig cfg = config.getValue();
        Placement placement = ReactorsConfigCheck.check(cfg, CpuList.allowedCpus(),
                Runtime.getRuntime().availableProcessors());
        int count = placement.count();

        ReactorSettings settings = new ReactorSettings(cfg.queueCapacity(), cfg.batchSize(), cfg.idleStrategy(),
                cfg.backoff().spins(), cfg.backoff().yields(), cfg.backoff().minPark().toNanos(),
                cfg.backoff().maxPark().toNanos(), cfg.idlePollInterval().toNanos(), cfg.parkSpin().toNanos(),
                cfg.timerTick().toNanos(),
                TIMER_SLOTS, cfg.offload().maxPending());
        if (cfg.pinThreads()) {
            Optional<String> unavailable = ThreadPinning.unavailableReason(System.getProperty("os.name", ""),
                    presentClasses.contains(ThreadPinning.AFFINITY_CLASS));
            if (unavailable.isPresent()) {
                LOG.warnf("quarkus.reactors.pin-threads=true, but %s: the reactor threads run unpinned",
                        unavailable.get());
            } else {
                placement = placement.pinnedWith(ThreadPinning.pinner());
            }
        }
        Vertx vx = vertx.get();
        if (cfg.requireTransport() != ReactorsConfig.RequiredTransport.ANY) {
            Transports.require(cfg.requireTransport().name().toLowerCase(Locale.ROOT), Transports.active(vx),
                    presentClasses, ConfigProvider.getConfig()
                            .getOptionalValue("quarkus.vertx.prefer-native-transport", Boolean.class).orElse(false));
        }
        ReactorGroup group = ReactorGroup.start(vx, placement, settings);
        BlockingOnReactor.install();
        // Shutdown tasks run last-registered first: this one after the reactors have stopped.
        shutdown.addShutdownTask(BlockingOnReactor::uninstall);
        if (cfg.offload().pool().isPresent()) {
            OffloadPool pool = new OffloadPool(cfg.offload().pool().get(), cfg.offload().poolSize(),
                    cfg.offload().queueSize());
            group.offloadTo(pool);
            LOG.infof("Offloaded tasks run on %s", pool);
            // Shutdown tasks run last-registered first: the pool closes after the reactors have drained.
            shutdown.addShutdownTask(() -> pool.shutdown(cfg.shutdownTimeout()));
        }
        // A normal (not "last") shutdown task: it runs before Vert.x closes, while the loops still drain.
        shutdown.addShutdownTask(() -> group.stop(cfg.shutdownTimeout()));
        LOG.infof("Started %d reactors on Vert.x event loops %s (queue capacity %d, idle strategy %s)", count,
                group.describeThreads(), group.reactor(0).stats().queueCapacity(),
                cfg.idleStrategy().name().toLowerCase());
        LOG.infof("Reactors run on the %s transport; reactor -> event loop -> thread -> CPU:%s", group.transport(),
                group.describePlacement());
        return new RuntimeValue<>(group);
    }

    /**
     * Starts the thread that watches the reactors for stalls, reporting nothing until the application has started
     * (binding the HTTP server on an event loop is no stall); stopped at shutdown before the reactors stop.
     */
    public RuntimeValue<ReactorWatchdog> monitor(RuntimeValue<Reactors> reactors, ShutdownContext shutdown) {
        ReactorsConfig cfg = config.getValue();
        ReactorWatchdog monitor = new ReactorWatchdog((ReactorGroup) reactors.getValue(), cfg.maxRunTime().toNanos(),
                cfg.stallThreshold().toNanos(), ReactorsRecorder::applicationStarted).start();
        shutdown.addShutdownTask(monitor::stop);
        return new RuntimeValue<>(monitor);
    }

    private static boolean applicationStarted() {
        Application application = Application.currentApplication();
        return application != null && application.isStarted();
    }

    /** Publishes the reactors' and pollers' meters through Quarkus' metrics SPI (Micrometer). */
    public Consumer<MetricsFactory> meters(RuntimeValue<Reactors> reactors, RuntimeValue<ReactorWatchdog> monitor) {
        return factory -> ReactorMeters.register(factory, reactors.getValue(), monitor.getValue());
    }

    /** Registers one {@code @Poller} method; its invoker was generated at build time. */
    public void registerPoller(RuntimeValue<Reactors> reactors, RuntimeValue<PollerInvoker> invoker, String beanId,
            String description, String name, String every, String cores, String delayed) {
        if (!config.getValue().pollers().enabled()) {
            LOG.debugf("@Poller %s is off: quarkus.reactors.pollers.enabled=false", description);
            return;
        }
        ((ReactorGroup) reactors.getValue()).registerPoller(description, name, every, cores, delayed, invoker.getValue(),
                invoker.getValue().skipPredicate(), beanInstance(beanId));
    }

    /** Registers one {@code @OnEvent} method; its invoker was generated at build time. */
    public void registerSubscriber(RuntimeValue<Reactors> reactors, RuntimeValue<EventInvoker> invoker, String beanId,
            String description, boolean replies) {
        ((ReactorGroup) reactors.getValue()).registerSubscriber(description, invoker.getValue(), beanInstance(beanId),
                replies);
    }

    /** The bean instance, resolved once: a client proxy for normal-scoped beans (so @PerCore resolves per reactor). */
    private static Object beanInstance(String beanId) {
        ArcContainer container = Arc.container();
        InjectableBean<?> bean = container.bean(beanId);
        return container.instance(bean).get();
    }
}
