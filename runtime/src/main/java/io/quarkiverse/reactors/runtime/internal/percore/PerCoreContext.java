package io.quarkiverse.reactors.runtime.internal.percore;

import java.lang.annotation.Annotation;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;

import io.quarkiverse.reactors.PerCore;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorGroup;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorImpl;
import io.quarkus.arc.InjectableBean;
import io.quarkus.arc.InjectableContext;

/**
 * The {@link PerCore} context: active on reactor threads, where it holds that reactor's instances.
 * Off a reactor it is not active, and resolving a bean through it throws
 * {@link ContextNotActiveException} naming the thread.
 * <p>
 * Thread-safe by confinement: each reactor only ever touches its own instances.
 */
public class PerCoreContext implements InjectableContext {

    @Override
    public Class<? extends Annotation> getScope() {
        return PerCore.class;
    }

    @Override
    public boolean isActive() {
        return ReactorGroup.currentOrNull() != null;
    }

    @Override
    public <T> T get(Contextual<T> contextual, CreationalContext<T> creationalContext) {
        return instances(contextual).getOrCreate(contextual, creationalContext);
    }

    @Override
    public <T> T get(Contextual<T> contextual) {
        return instances(contextual).get(contextual);
    }

    /** Overridden so that a client proxy used off a reactor fails with a message naming the thread. */
    @Override
    public <T> T getIfActive(Contextual<T> contextual, Function<Contextual<T>, CreationalContext<T>> creationalContext) {
        PerCoreInstances instances = instances(contextual);
        T found = instances.get(contextual);
        return found != null ? found : instances.getOrCreate(contextual, creationalContext.apply(contextual));
    }

    @Override
    public void destroy(Contextual<?> contextual) {
        ReactorImpl reactor = ReactorGroup.currentOrNull();
        if (reactor != null) {
            reactor.perCore().destroy(contextual);
        }
    }

    /** Destroys the calling reactor's instances; off a reactor there are none (shutdown destroys each on its reactor). */
    @Override
    public void destroy() {
        ReactorImpl reactor = ReactorGroup.currentOrNull();
        if (reactor != null) {
            reactor.perCore().destroyAll();
        }
    }

    @Override
    public ContextState getState() {
        ReactorImpl reactor = ReactorGroup.currentOrNull();
        Map<InjectableBean<?>, Object> instances = reactor == null ? Map.of() : reactor.perCore().snapshot();
        return () -> instances;
    }

    private static PerCoreInstances instances(Contextual<?> contextual) {
        ReactorImpl reactor = ReactorGroup.currentOrNull();
        if (reactor == null) {
            throw new ContextNotActiveException("@PerCore bean " + describe(contextual) + " was used on thread '"
                    + Thread.currentThread().getName() + "', which is not a reactor thread: a @PerCore bean has one"
                    + " instance per reactor. Use it from code running on a reactor, or send the work to one, e.g."
                    + " reactors.reactor(i).call(() -> ...)");
        }
        return reactor.perCore();
    }

    private static String describe(Contextual<?> contextual) {
        return contextual instanceof InjectableBean<?> bean ? bean.getBeanClass().getName() : String.valueOf(contextual);
    }
}
