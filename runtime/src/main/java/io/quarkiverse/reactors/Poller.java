package io.quarkiverse.reactors;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a bean method a poller, registered on the selected reactors when the application starts:
 *
 * <pre>
 * &#64;Poller(every = "0")                  int pollRing() { return ring.drain(); }
 * &#64;Poller(every = "100ms", cores = "0") void report() { ... }
 * &#64;Poller(every = "${ingest.period}")  void configured() { ... }
 * </pre>
 *
 * The method takes no parameter or one {@link Reactor} (the reactor it runs on), and returns {@code void}
 * (counts as busy), {@code boolean} (busy or not) or {@code int}/{@code long} (the work done; zero is idle).
 * It runs on a reactor and must not block. A class with such a method and no scope becomes a
 * {@code @Singleton} bean; in a {@link PerCore} bean, each reactor calls its own instance. Problems are
 * reported at build time, naming the class and method. {@code quarkus.reactors.pollers.enabled=false} turns
 * every {@code @Poller} method off (pollers registered with {@link Reactor#poller} are not affected).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Poller {

    /**
     * How often: {@code "0"} on every iteration (the default), a duration such as {@code "10ms"}, {@code "1s"}
     * or {@code "PT0.5S"}, {@code "off"} or {@code "disabled"} to not register it, or a config expression
     * such as {@code "${ingest.period}"} (or {@code "${ingest.period:10ms}"}) resolved at startup.
     */
    String every() default "0";

    /**
     * Which reactors run it: {@code "all"} (the default), {@code "main"} (reactor 0), or a list of reactor
     * ids and ranges such as {@code "0,2-3"}. A config expression is allowed.
     */
    String cores() default "all";

    /**
     * The poller's name in stats and logs, and for {@link Reactors#pollers(String)}; by default
     * {@code SimpleClassName#method}.
     */
    String name() default "";

    /**
     * How long after startup the poller starts: a duration such as {@code "5s"} or {@code "PT0.5S"}, or a config
     * expression; empty (the default) for at once. An every-iteration poller is registered once the delay has
     * passed (until then {@link Reactors#pollers(String)} does not list it); a periodic poller is registered at
     * once and first runs after the delay instead of after one period, then every period.
     */
    String delayed() default "";

    /**
     * A condition to skip a run, as {@code @Scheduled(skipExecutionIf = ...)}: before each run the reactor calls
     * {@link SkipPredicate#test}, and when it returns {@code true} the method is not called and the run counts
     * as idle. The class is used as a CDI bean when it is one (for example {@code @Singleton}), else it is
     * created once at startup with its public no-argument constructor. The predicate runs on the reactor and
     * must not block.
     */
    Class<? extends SkipPredicate> skipExecutionIf() default Never.class;

    /**
     * Decides, before a run of a {@code @Poller} method, whether to skip it. Called on the reactor that runs the
     * poller, once per run; it must be quick and must not block. One instance serves every reactor, so state
     * it keeps must be thread-safe.
     */
    @FunctionalInterface
    interface SkipPredicate {

        /**
         * @param reactor the reactor about to run the poller
         * @param poller the poller's name ({@link Poller#name()})
         * @return {@code true} to skip this run
         */
        boolean test(Reactor reactor, String poller);
    }

    /** The default {@link #skipExecutionIf()}: never skips. */
    final class Never implements SkipPredicate {

        @Override
        public boolean test(Reactor reactor, String poller) {
            return false;
        }
    }
}
