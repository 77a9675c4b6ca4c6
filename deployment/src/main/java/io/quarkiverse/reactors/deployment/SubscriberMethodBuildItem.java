package io.quarkiverse.reactors.deployment;

import java.util.stream.Collectors;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.Type;

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

    /** {@code org.acme.Ingest#onOrder(Order, Reactor)}, for messages and logs. */
    public String description() {
        return describe(method);
    }

    /**
     * {@code org.acme.Ingest#onOrder(Order, Reactor)}: the class in full, the parameter types by their simple
     * names (nested classes without their outer class), so that overloads are told apart and lines stay short.
     */
    static String describe(MethodInfo method) {
        return method.declaringClass().name() + "#" + method.name() + method.parameterTypes().stream()
                .map(SubscriberMethodBuildItem::simpleName).collect(Collectors.joining(", ", "(", ")"));
    }

    private static String simpleName(Type type) {
        String name = type.name().toString();
        return name.substring(Math.max(name.lastIndexOf('.'), name.lastIndexOf('$')) + 1);
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
