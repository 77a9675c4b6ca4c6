package io.quarkiverse.reactors;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a bean method a subscriber of the events fired with {@link Reactor#fire(Object)},
 * {@link Reactor#deliver(Object)}, {@link Reactor#request(Object)} and their {@link Reactors} forms:
 *
 * <pre>
 * &#64;OnEvent void onOrder(Order order) { ... }
 * &#64;OnEvent Uni&lt;Void&gt; onTrade(Trade trade, Reactor reactor) { ... }
 * &#64;OnEvent long count(CountQuery query) { return map.size(); }   // answers reactor.request(new CountQuery())
 * </pre>
 *
 * The first parameter is the event type: the method receives every fired event whose class is that type
 * or a subtype. An optional second parameter receives the {@link Reactor} it runs on. The method runs on
 * the reactor the event was fired to and must not block. It returns {@code void}, a value, a {@code Uni} or a
 * {@code CompletionStage} (a {@code Uni} or {@code CompletionStage} is awaited before {@code deliver} and
 * {@code request} complete); it must not return a stream ({@code Multi}, {@code Publisher}). A method that
 * returns a value, or a {@code Uni}/{@code CompletionStage} of anything but {@code Void}, <em>replies</em>:
 * its value answers {@code request}, so at most one replying method may accept a given event type (the
 * build reports two for the same type, or for a type and its supertype). With {@code fire}, a failure,
 * thrown or asynchronous, is logged and counted; with {@code deliver} and {@code request} it goes to the
 * caller. Either way the other subscribers of the event still run. A class with such a method and no scope
 * becomes a {@code @Singleton} bean; in a {@link PerCore} bean, each reactor calls its own instance.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OnEvent {
}
