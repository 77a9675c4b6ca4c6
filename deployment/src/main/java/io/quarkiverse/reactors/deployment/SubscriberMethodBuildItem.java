package io.quarkiverse.reactors.deployment;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.MethodInfo;

import io.quarkus.arc.processor.BeanInfo;
import io.quarkus.builder.item.MultiBuildItem;

/**
 * One {@code @Poller} or {@code @OnEvent} method of a bean, found at build time. Data only: later steps
 * validate it, generate its invoker and record its registration.
 */
public final class SubscriberMethodBuildItem extends MultiBuildItem {

    /** Which annotation made the method a subscriber. */
    public enum Kind {
        POLLER,
        ON_EVENT
    }

    private final Kind kind;
    private final BeanInfo bean;
    private final MethodInfo method;
    private final AnnotationInstance annotation;
    private final boolean blocking;

    SubscriberMethodBuildItem(Kind kind, BeanInfo bean, MethodInfo method, AnnotationInstance annotation,
            boolean blocking) {
        this.kind = kind;
        this.bean = bean;
        this.method = method;
        this.annotation = annotation;
        this.blocking = blocking;
    }

    public Kind kind() {
        return kind;
    }

    public BeanInfo bean() {
        return bean;
    }

    public MethodInfo method() {
        return method;
    }

    public AnnotationInstance annotation() {
        return annotation;
    }

    /** Annotated {@code @Blocking} or {@code @RunOnVirtualThread}: an error, reactors never block. */
    public boolean blocking() {
        return blocking;
    }

    /** {@code org.acme.Ingest#pollRing()}, for messages. */
    public String description() {
        return describe(method);
    }

    static String describe(MethodInfo method) {
        return method.declaringClass().name() + "#" + method.name() + "()";
    }

    /** The annotation value, or its default. */
    String value(String name, String defaultValue) {
        var value = annotation.value(name);
        return value == null ? defaultValue : value.asString();
    }

    /** {@code Ingest#pollRing}, the default poller name: the simple class name, also for a nested class. */
    String defaultName() {
        String className = method.declaringClass().name().withoutPackagePrefix();
        return className.substring(className.lastIndexOf('$') + 1) + "#" + method.name();
    }
}
