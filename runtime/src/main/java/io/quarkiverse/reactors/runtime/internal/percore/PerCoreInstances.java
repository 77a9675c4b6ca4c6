package io.quarkiverse.reactors.runtime.internal.percore;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;

import org.jboss.logging.Logger;

import io.quarkus.arc.InjectableBean;

/**
 * The {@code @PerCore} bean instances of one reactor.
 * <p>
 * Not thread-safe: owned by that reactor's thread.
 */
public final class PerCoreInstances {

    private static final Logger LOG = Logger.getLogger("io.quarkiverse.reactors");

    record Instance<T>(Contextual<T> bean, T instance, CreationalContext<T> creationalContext) {
        void destroy() {
            bean.destroy(instance, creationalContext);
        }
    }

    private final Map<Contextual<?>, Instance<?>> instances = new LinkedHashMap<>();
    private boolean closed;

    @SuppressWarnings("unchecked")
    <T> T get(Contextual<T> bean) {
        Instance<?> found = instances.get(bean);
        return found == null ? null : (T) found.instance();
    }

    @SuppressWarnings("unchecked")
    <T> T getOrCreate(Contextual<T> bean, CreationalContext<T> creationalContext) {
        Instance<?> found = instances.get(bean);
        if (found != null) {
            return (T) found.instance();
        }
        if (creationalContext == null) {
            return null;
        }
        if (closed) {
            throw new jakarta.enterprise.context.ContextNotActiveException("@PerCore bean " + bean
                    + " was used after its reactor shut down");
        }
        T created = bean.create(creationalContext);
        instances.put(bean, new Instance<>(bean, created, creationalContext));
        return created;
    }

    void destroy(Contextual<?> bean) {
        Instance<?> removed = instances.remove(bean);
        if (removed != null) {
            destroyQuietly(removed);
        }
    }

    /** Destroys every instance, in creation order reversed; runs each {@code @PreDestroy} on this thread. */
    void destroyAll() {
        Instance<?>[] all = instances.values().toArray(new Instance<?>[0]);
        instances.clear();
        for (int i = all.length - 1; i >= 0; i--) {
            destroyQuietly(all[i]);
        }
    }

    /** At shutdown: destroys every instance and creates no more. */
    public void close() {
        closed = true;
        destroyAll();
    }

    Map<InjectableBean<?>, Object> snapshot() {
        Map<InjectableBean<?>, Object> copy = new LinkedHashMap<>();
        instances.forEach((bean, instance) -> {
            if (bean instanceof InjectableBean<?> injectable) {
                copy.put(injectable, instance.instance());
            }
        });
        return copy;
    }

    private static void destroyQuietly(Instance<?> instance) {
        try {
            instance.destroy();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Destroying the @PerCore instance of %s failed", instance.bean());
        }
    }
}
