package io.quarkiverse.reactors;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a bean method a subscriber of the events fired with {@link Reactor#fire(Object)} and
 * {@link Reactors#fire(Object)}:
 * <pre>
 * &#64;OnEvent void onOrder(Order order) { ... }
 * &#64;OnEvent Uni&lt;Void&gt; onTrade(Trade trade, Reactor reactor) { ... }
 * </pre>
 * The first parameter is the event type: the method receives every fired event whose class is that type
 * or a subtype. An optional second parameter receives the {@link Reactor} it runs on. The method runs on
 * the reactor the event was fired to and must not block. It returns {@code void}, a {@code Uni} or a
 * {@code CompletionStage}; a failure, thrown or asynchronous, is logged and counted, and the other
 * subscribers of the event still run. A class with such a method and no scope becomes a
 * {@code @Singleton} bean.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OnEvent {
}
