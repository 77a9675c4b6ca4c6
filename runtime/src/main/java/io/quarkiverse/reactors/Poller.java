package io.quarkiverse.reactors;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a bean method a poller, registered on the selected reactors when the application starts:
 * <pre>
 * &#64;Poller(every = "0")                  int pollRing() { return ring.drain(); }
 * &#64;Poller(every = "100ms", cores = "0") void report() { ... }
 * &#64;Poller(every = "${ingest.period}")  void configured() { ... }
 * </pre>
 * The method takes no parameter or one {@link Reactor} (the reactor it runs on), and returns {@code void}
 * (counts as busy), {@code boolean} (busy or not) or {@code int}/{@code long} (the work done; zero is idle).
 * It runs on a reactor and must not block. A class with such a method and no scope becomes a
 * {@code @Singleton} bean. Problems are reported at build time, naming the class and method.
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
}
