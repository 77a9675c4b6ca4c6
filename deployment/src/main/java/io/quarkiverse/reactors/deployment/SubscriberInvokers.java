package io.quarkiverse.reactors.deployment;

import static org.jboss.jandex.gizmo2.Jandex2Gizmo.classDescOf;
import static org.jboss.jandex.gizmo2.Jandex2Gizmo.methodDescOf;

import java.lang.annotation.Annotation;
import java.util.Set;
import java.util.stream.Collectors;

import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.Type;

import io.quarkiverse.reactors.Poller;
import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.runtime.internal.events.EventInvoker;
import io.quarkiverse.reactors.runtime.internal.pollers.PollerInvoker;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.gizmo2.Const;
import io.quarkus.gizmo2.Expr;
import io.quarkus.gizmo2.Gizmo;
import io.quarkus.gizmo2.ParamVar;
import io.quarkus.gizmo2.desc.ConstructorDesc;
import io.quarkus.gizmo2.desc.MethodDesc;
import io.quarkus.runtime.util.HashUtil;

/**
 * Generates the invoker of a validated {@code @Poller} or {@code @OnEvent} method with Gizmo: a class that calls the
 * bean method directly, without reflection. Called at build time by {@link SubscriberMethodsProcessor}, once per
 * method, in a reproducible order.
 */
final class SubscriberInvokers {

    private static final String POLLER_INVOKER_SUFFIX = "_ReactorsPoller";
    private static final String EVENT_INVOKER_SUFFIX = "_ReactorsOnEvent";

    private SubscriberInvokers() {
    }

    /**
     * {@code int poll(Object bean, Reactor reactor) { return work(((Bean) bean).method([reactor])); }}, and with
     * {@code skipExecutionIf}: {@code SkipPredicate skipPredicate() { return Arc.container().instance(P.class).get(); }}
     * for a bean, {@code return new P();} otherwise.
     */
    static String generatePollerInvoker(Gizmo gizmo, SubscriberMethodBuildItem item, boolean predicateIsBean,
            Set<String> generated) {
        MethodInfo method = item.method();
        String name = invokerName(item, POLLER_INVOKER_SUFFIX, generated);
        DotName skip = SubscriberRules.skipPredicate(item);
        gizmo.class_(name, cc -> {
            cc.extends_(PollerInvoker.class);
            cc.defaultConstructor();
            if (skip != null) {
                cc.method("skipPredicate", mc -> {
                    mc.public_();
                    mc.returning(Poller.SkipPredicate.class);
                    mc.body(bc -> {
                        if (predicateIsBean) {
                            Expr container = bc.invokeStatic(MethodDesc.of(Arc.class, "container", ArcContainer.class));
                            Expr handle = bc.invokeInterface(MethodDesc.of(ArcContainer.class, "instance",
                                    InstanceHandle.class, Class.class, Annotation[].class), container,
                                    Const.of(classDescOf(skip)), bc.newEmptyArray(Annotation.class, 0));
                            bc.return_(bc.cast(bc.invokeInterface(MethodDesc.of(InstanceHandle.class, "get", Object.class),
                                    handle), Poller.SkipPredicate.class));
                        } else {
                            bc.return_(bc.new_(ConstructorDesc.of(classDescOf(skip))));
                        }
                    });
                });
            }
            cc.method("poll", mc -> {
                mc.public_();
                mc.returning(int.class);
                ParamVar bean = mc.parameter("bean", Object.class);
                ParamVar reactor = mc.parameter("reactor", Reactor.class);
                mc.body(bc -> {
                    Expr target = bc.cast(bean, classDescOf(method.declaringClass()));
                    Expr result = method.parametersCount() == 0
                            ? bc.invokeVirtual(methodDescOf(method), target)
                            : bc.invokeVirtual(methodDescOf(method), target, reactor);
                    String returned = method.returnType().name().toString();
                    switch (returned) {
                        case "void" -> bc.return_(Const.of(1)); // a void poller counts as busy
                        case "int" -> bc.return_(result);
                        case "boolean" -> bc.return_(bc.invokeStatic(
                                MethodDesc.of(PollerInvoker.class, "work", int.class, boolean.class), result));
                        default -> bc.return_(bc.invokeStatic(
                                MethodDesc.of(PollerInvoker.class, "work", int.class, long.class), result));
                    }
                });
            });
        });
        return name;
    }

    /** {@code Object deliver(Object bean, Object event, Reactor r) { return ((Bean) bean).method((Event) event[, r]); }} */
    static String generateEventInvoker(Gizmo gizmo, SubscriberMethodBuildItem item, Set<String> generated) {
        MethodInfo method = item.method();
        Type eventType = method.parameterType(0);
        String name = invokerName(item, EVENT_INVOKER_SUFFIX, generated);
        gizmo.class_(name, cc -> {
            cc.extends_(EventInvoker.class);
            cc.defaultConstructor();
            cc.method("eventType", mc -> {
                mc.public_();
                mc.returning(Class.class);
                mc.body(bc -> bc.return_(Const.of(classDescOf(eventType.name()))));
            });
            cc.method("deliver", mc -> {
                mc.public_();
                mc.returning(Object.class);
                ParamVar bean = mc.parameter("bean", Object.class);
                ParamVar event = mc.parameter("event", Object.class);
                ParamVar reactor = mc.parameter("reactor", Reactor.class);
                mc.body(bc -> {
                    Expr target = bc.cast(bean, classDescOf(method.declaringClass()));
                    Expr typedEvent = bc.cast(event, classDescOf(eventType.name()));
                    Expr result = method.parametersCount() == 1
                            ? bc.invokeVirtual(methodDescOf(method), target, typedEvent)
                            : bc.invokeVirtual(methodDescOf(method), target, typedEvent, reactor);
                    if (result.isVoid()) {
                        bc.return_(Const.ofNull(Object.class));
                    } else if (method.returnType().kind() == Type.Kind.PRIMITIVE) {
                        bc.return_(bc.box(result)); // a primitive reply travels boxed
                    } else {
                        bc.return_(result);
                    }
                });
            });
        });
        return name;
    }

    /** {@code org.acme.Ingest_ReactorsPoller_pollRing_<sha1 of the signature>}, in the bean's package. */
    private static String invokerName(SubscriberMethodBuildItem item, String suffix, Set<String> generated) {
        MethodInfo method = item.method();
        ClassInfo beanClass = item.bean().getImplClazz();
        String signature = method.name() + "_" + method.returnType().name() + method.parameterTypes().stream()
                .map(t -> t.name().toString()).collect(Collectors.joining(","));
        String base = beanClass.name().toString().replace('$', '_') + suffix + "_" + method.name() + "_"
                + HashUtil.sha1(method.declaringClass().name() + "#" + signature);
        String name = base;
        for (int i = 1; !generated.add(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }
}
