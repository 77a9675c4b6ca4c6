package io.quarkiverse.reactors;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.context.NormalScope;

/**
 * A CDI scope with one contextual instance per reactor, created lazily on that reactor, like Seastar's
 * {@code sharded<T>}. The injected client proxy resolves to the instance of the calling reactor, so
 * per-core state needs no lock:
 *
 * <pre>
 * &#64;PerCore
 * class Shard {
 *     final Map&lt;String, Long&gt; map = new HashMap&lt;&gt;();
 * }
 * </pre>
 *
 * Used off a reactor thread, the proxy throws {@code ContextNotActiveException} naming the thread. To
 * reach reactor {@code i}'s instance from elsewhere, send work there:
 * {@code reactors.reactor(i).call(() -> shard.map.size())}. {@code @PreDestroy} runs on the owning
 * reactor when the application stops.
 */
@NormalScope
@Inherited
@Target({ ElementType.TYPE, ElementType.METHOD, ElementType.FIELD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PerCore {
}
