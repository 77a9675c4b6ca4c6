package io.quarkiverse.reactors.deployment;

import static org.jboss.jandex.gizmo2.Jandex2Gizmo.classDescOf;
import static org.jboss.jandex.gizmo2.Jandex2Gizmo.methodDescOf;

import java.lang.annotation.Annotation;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.Type;

import io.quarkiverse.reactors.PerCore;
import io.quarkiverse.reactors.Poller;
import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.runtime.ReactorsRecorder;
import io.quarkiverse.reactors.runtime.internal.events.EventInvoker;
import io.quarkiverse.reactors.runtime.internal.events.SubscriberSpecs;
import io.quarkiverse.reactors.runtime.internal.percore.PerCoreContext;
import io.quarkiverse.reactors.runtime.internal.pollers.PollerInvoker;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.arc.deployment.AutoAddScopeBuildItem;
import io.quarkus.arc.deployment.BeanArchiveIndexBuildItem;
import io.quarkus.arc.deployment.BeanDiscoveryFinishedBuildItem;
import io.quarkus.arc.deployment.ContextRegistrationPhaseBuildItem;
import io.quarkus.arc.deployment.ContextRegistrationPhaseBuildItem.ContextConfiguratorBuildItem;
import io.quarkus.arc.deployment.CustomScopeBuildItem;
import io.quarkus.arc.deployment.SyntheticBeansRuntimeInitBuildItem;
import io.quarkus.arc.deployment.TransformedAnnotationsBuildItem;
import io.quarkus.arc.deployment.UnremovableBeanBuildItem;
import io.quarkus.arc.deployment.UnremovableBeanBuildItem.BeanClassAnnotationExclusion;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem.ValidationErrorBuildItem;
import io.quarkus.arc.processor.BeanInfo;
import io.quarkus.arc.processor.BuiltinScope;
import io.quarkus.deployment.GeneratedClassGizmo2Adaptor;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.Consume;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.GeneratedClassBuildItem;
import io.quarkus.deployment.builditem.GeneratedResourceBuildItem;
import io.quarkus.deployment.builditem.ServiceStartBuildItem;
import io.quarkus.deployment.execannotations.ExecutionModelAnnotationsAllowedBuildItem;
import io.quarkus.deployment.recording.RecorderContext;
import io.quarkus.gizmo2.ClassOutput;
import io.quarkus.gizmo2.Const;
import io.quarkus.gizmo2.Expr;
import io.quarkus.gizmo2.Gizmo;
import io.quarkus.gizmo2.ParamVar;
import io.quarkus.gizmo2.desc.ConstructorDesc;
import io.quarkus.gizmo2.desc.MethodDesc;
import io.quarkus.runtime.util.HashUtil;

/**
 * Turns {@code @Poller} and {@code @OnEvent} bean methods into reactor subscribers, and registers the
 * {@code @PerCore} scope. Reads top to bottom as the flow of quarkus-scheduler and quarkus-vertx's
 * {@code @ConsumeEvent}: collect, validate (every problem at once), generate invokers (Gizmo, no
 * reflection), record.
 */
class SubscriberMethodsProcessor {

    private static final String POLLER_INVOKER_SUFFIX = "_ReactorsPoller";
    private static final String EVENT_INVOKER_SUFFIX = "_ReactorsOnEvent";

    // ---------------------------------------------------------------- scope and beans

    @BuildStep
    CustomScopeBuildItem perCoreScope() {
        return new CustomScopeBuildItem(PerCore.class);
    }

    @BuildStep
    ContextConfiguratorBuildItem perCoreContext(ContextRegistrationPhaseBuildItem phase) {
        return new ContextConfiguratorBuildItem(phase.getContext().configure(PerCore.class).normal()
                .contextClass(PerCoreContext.class));
    }

    /** A class with a subscriber method and no scope becomes a {@code @Singleton}, as with {@code @Scheduled}. */
    @BuildStep
    AutoAddScopeBuildItem autoAddScope() {
        return AutoAddScopeBuildItem.builder()
                .anyMethodMatches(m -> !Modifier.isStatic(m.flags())
                        && (m.hasAnnotation(ReactorsDotNames.POLLER) || m.hasAnnotation(ReactorsDotNames.ON_EVENT)))
                .defaultScope(BuiltinScope.SINGLETON)
                .reason("Found @Poller or @OnEvent methods").build();
    }

    @BuildStep
    List<UnremovableBeanBuildItem> unremovable(BeanArchiveIndexBuildItem index) {
        // skipExecutionIf classes that are beans are looked up at startup, not injected
        Set<DotName> skipPredicates = new HashSet<>();
        for (AnnotationInstance poller : index.getIndex().getAnnotations(ReactorsDotNames.POLLER)) {
            var skip = poller.value("skipExecutionIf");
            if (skip != null) {
                skipPredicates.add(skip.asClass().name());
            }
        }
        return List.of(new UnremovableBeanBuildItem(new BeanClassAnnotationExclusion(ReactorsDotNames.POLLER)),
                new UnremovableBeanBuildItem(new BeanClassAnnotationExclusion(ReactorsDotNames.ON_EVENT)),
                UnremovableBeanBuildItem.beanTypes(skipPredicates));
    }

    /**
     * Lets {@code @Blocking} and {@code @RunOnVirtualThread} appear on subscriber methods without Quarkus'
     * generic check, so that {@link #validate} reports them with a message about reactors.
     */
    @BuildStep
    ExecutionModelAnnotationsAllowedBuildItem executionModelAnnotations() {
        return new ExecutionModelAnnotationsAllowedBuildItem(
                m -> m.hasDeclaredAnnotation(ReactorsDotNames.POLLER) || m.hasDeclaredAnnotation(ReactorsDotNames.ON_EVENT));
    }

    // ---------------------------------------------------------------- collect

    /** Finds the subscriber methods of every class bean, with annotation transformers applied. */
    @BuildStep
    void collect(BeanDiscoveryFinishedBuildItem beanDiscovery, TransformedAnnotationsBuildItem annotations,
            BuildProducer<SubscriberMethodBuildItem> methods) {
        for (BeanInfo bean : beanDiscovery.beanStream().classBeans()) {
            ClassInfo beanClass = bean.getTarget().get().asClass();
            for (MethodInfo method : beanClass.methods()) {
                if (Modifier.isStatic(method.flags())) {
                    continue; // reported by validate: not on a bean instance
                }
                boolean blocking = annotations.hasAnnotation(method, ReactorsDotNames.BLOCKING)
                        || annotations.hasAnnotation(method, ReactorsDotNames.RUN_ON_VIRTUAL_THREAD);
                AnnotationInstance poller = annotations.getAnnotation(method, ReactorsDotNames.POLLER);
                if (poller != null) {
                    methods.produce(new SubscriberMethodBuildItem(SubscriberMethodBuildItem.Kind.POLLER, bean, method,
                            poller, blocking));
                }
                AnnotationInstance onEvent = annotations.getAnnotation(method, ReactorsDotNames.ON_EVENT);
                if (onEvent != null) {
                    methods.produce(new SubscriberMethodBuildItem(SubscriberMethodBuildItem.Kind.ON_EVENT, bean, method,
                            onEvent, blocking));
                }
            }
        }
    }

    // ---------------------------------------------------------------- validate

    /** Reports every problem of every subscriber method in one build failure, each naming Class#method. */
    @BuildStep
    void validate(List<SubscriberMethodBuildItem> methods, BeanArchiveIndexBuildItem index,
            ValidationPhaseBuildItem validationPhase, BuildProducer<ValidationErrorBuildItem> errors,
            BuildProducer<ValidSubscriberMethodBuildItem> valid) {
        List<Throwable> problems = new ArrayList<>();
        Set<MethodInfo> onBeans = methods.stream().map(SubscriberMethodBuildItem::method).collect(Collectors.toSet());
        for (DotName annotation : List.of(ReactorsDotNames.POLLER, ReactorsDotNames.ON_EVENT)) {
            for (AnnotationInstance instance : index.getIndex().getAnnotations(annotation)) {
                if (instance.target().kind() == AnnotationTarget.Kind.METHOD
                        && !onBeans.contains(instance.target().asMethod())) {
                    MethodInfo method = instance.target().asMethod();
                    problems.add(problem("@" + annotation.withoutPackagePrefix(), method, null,
                            Modifier.isStatic(method.flags()) ? "must not be static: declare it on a bean instance method"
                                    : "is not on a bean: declare it on a concrete bean class (a class with no scope"
                                            + " becomes @Singleton)"));
                }
            }
        }
        Map<String, String> pollerNames = new HashMap<>();
        List<SubscriberMethodBuildItem> replying = new ArrayList<>();
        Predicate<DotName> isBean = type -> !validationPhase.getContext().beans().withBeanType(type).isEmpty();
        for (SubscriberMethodBuildItem item : methods) {
            int before = problems.size();
            String what = item.kind() == SubscriberMethodBuildItem.Kind.POLLER ? "@Poller" : "@OnEvent";
            MethodInfo method = item.method();
            BeanInfo bean = item.bean();
            if (Modifier.isPrivate(method.flags())) {
                problems.add(problem(what, method, bean, "must not be private: the generated invoker calls it directly,"
                        + " without reflection; make it package-private or public"));
            }
            if (Modifier.isAbstract(method.flags())) {
                problems.add(problem(what, method, bean, "must not be abstract"));
            }
            if (item.blocking()) {
                problems.add(problem(what, method, bean, "must not be @Blocking or @RunOnVirtualThread: it runs on a"
                        + " reactor, which never blocks. Keep the method non-blocking and move the blocking work to"
                        + " reactor.offload(...), which runs it on the worker pool and completes back on the reactor"));
            }
            if (item.kind() == SubscriberMethodBuildItem.Kind.POLLER) {
                validatePoller(item, problems, pollerNames, index.getIndex(), isBean);
            } else {
                validateOnEvent(item, problems);
            }
            if (problems.size() == before) {
                DotName skip = item.kind() == SubscriberMethodBuildItem.Kind.POLLER ? skipPredicate(item) : null;
                valid.produce(new ValidSubscriberMethodBuildItem(item, skip != null && isBean.test(skip)));
                if (item.kind() == SubscriberMethodBuildItem.Kind.ON_EVENT && replies(method)) {
                    replying.add(item);
                }
            }
        }
        validateReplies(replying, index.getIndex(), problems);
        if (!problems.isEmpty()) {
            errors.produce(new ValidationErrorBuildItem(problems));
        }
    }

    private static void validatePoller(SubscriberMethodBuildItem item, List<Throwable> problems,
            Map<String, String> pollerNames, IndexView index, Predicate<DotName> isBean) {
        MethodInfo method = item.method();
        List<Type> params = method.parameterTypes();
        if (params.size() > 1 || (params.size() == 1 && !params.get(0).name().equals(ReactorsDotNames.REACTOR))) {
            problems.add(problem("@Poller", method, item.bean(), "must take no parameter or one "
                    + Reactor.class.getName() + ", found " + params));
        }
        Type returned = method.returnType();
        boolean validReturn = returned.kind() == Type.Kind.VOID || (returned.kind() == Type.Kind.PRIMITIVE
                && Set.of("boolean", "int", "long").contains(returned.asPrimitiveType().name().toString()));
        if (!validReturn) {
            problems.add(problem("@Poller", method, item.bean(), "must return void (busy), boolean (busy or not), int or"
                    + " long (the work done, 0 = idle), found " + returned));
        }
        String every = item.value("every", "0");
        if (!SubscriberSpecs.isExpression(every)) {
            try {
                SubscriberSpecs.parseEvery(every);
            } catch (IllegalArgumentException e) {
                problems.add(problem("@Poller", method, item.bean(), e.getMessage()));
            }
        }
        String cores = item.value("cores", "all");
        if (!SubscriberSpecs.isExpression(cores)) {
            try {
                SubscriberSpecs.parseCores(cores, -1);
            } catch (IllegalArgumentException e) {
                problems.add(problem("@Poller", method, item.bean(), e.getMessage()));
            }
        }
        String delayed = item.value("delayed", "");
        if (!SubscriberSpecs.isExpression(delayed)) {
            try {
                SubscriberSpecs.parseDelayed(delayed);
            } catch (IllegalArgumentException e) {
                problems.add(problem("@Poller", method, item.bean(), e.getMessage()));
            }
        }
        DotName skip = skipPredicate(item);
        if (skip != null && !isBean.test(skip)) {
            ClassInfo predicate = index.getClassByName(skip);
            MethodInfo constructor = predicate == null ? null : predicate.method("<init>");
            if (predicate == null || Modifier.isAbstract(predicate.flags()) || !Modifier.isPublic(predicate.flags())
                    || (predicate.nestingType() != ClassInfo.NestingType.TOP_LEVEL && !Modifier.isStatic(predicate.flags()))
                    || constructor == null || !Modifier.isPublic(constructor.flags())) {
                problems.add(problem("@Poller", method, item.bean(), "has skipExecutionIf = " + skip + ".class, which is"
                        + " neither a bean nor a public concrete class with a public no-argument constructor: annotate it"
                        + " @Singleton (or another scope) to use it as a bean, or give it a public no-argument"
                        + " constructor"));
            }
        }
        String name = pollerName(item);
        String previous = pollerNames.putIfAbsent(name, item.description());
        if (previous != null) {
            problems.add(problem("@Poller", method, item.bean(), "has the name '" + name + "', already used by " + previous
                    + ": give one of them another name()"));
        }
    }

    private static void validateOnEvent(SubscriberMethodBuildItem item, List<Throwable> problems) {
        MethodInfo method = item.method();
        List<Type> params = method.parameterTypes();
        if (params.isEmpty() || params.size() > 2
                || (params.size() == 2 && !params.get(1).name().equals(ReactorsDotNames.REACTOR))) {
            problems.add(problem("@OnEvent", method, item.bean(), "must take the event as its parameter, optionally followed"
                    + " by an " + Reactor.class.getName() + ", found " + params));
        } else if (params.get(0).kind() == Type.Kind.PRIMITIVE) {
            problems.add(problem("@OnEvent", method, item.bean(), "must take an object type as its event, found "
                    + params.get(0) + ": use its wrapper type"));
        }
        Type returned = method.returnType();
        if (ReactorsDotNames.STREAMS.contains(returned.name())) {
            problems.add(problem("@OnEvent", method, item.bean(), "must not return a stream (" + returned + "): nothing"
                    + " would subscribe to it. Return void, a value, a Uni or a CompletionStage"));
        }
    }

    /**
     * Whether an {@code @OnEvent} method answers {@code Reactor.request}: it returns a value, a {@code Uni} or a
     * {@code CompletionStage}, but not {@code void}, {@code Uni<Void>} or {@code CompletionStage<Void>}.
     */
    static boolean replies(MethodInfo method) {
        Type returned = method.returnType();
        if (returned.kind() == Type.Kind.VOID) {
            return false;
        }
        if (returned.kind() == Type.Kind.PARAMETERIZED_TYPE && ReactorsDotNames.ASYNC.contains(returned.name())) {
            return !returned.asParameterizedType().arguments().get(0).name().equals(ReactorsDotNames.VOID);
        }
        return true;
    }

    /**
     * One replying {@code @OnEvent} method per event type: two methods that return a value for the same event
     * type, or for types of which one extends the other, would leave {@code request} to guess which answers.
     */
    private static void validateReplies(List<SubscriberMethodBuildItem> replying, IndexView index,
            List<Throwable> problems) {
        for (int i = 0; i < replying.size(); i++) {
            MethodInfo later = replying.get(i).method();
            DotName laterType = later.parameterType(0).name();
            for (int j = 0; j < i; j++) {
                MethodInfo earlier = replying.get(j).method();
                DotName earlierType = earlier.parameterType(0).name();
                if (isSubtype(laterType, earlierType, index) || isSubtype(earlierType, laterType, index)) {
                    problems.add(problem("@OnEvent", later, replying.get(i).bean(), "returns a reply for events of type "
                            + laterType + ", and so does " + SubscriberMethodBuildItem.describe(earlier) + " for "
                            + earlierType + ": Reactor.request(event) could not choose which one answers. Keep one"
                            + " replying @OnEvent method per event type: make the others return void or Uni<Void>"
                            + " (they still receive the event)"));
                }
            }
        }
    }

    /** Whether {@code type} is {@code candidate} or extends or implements it, as far as the index knows. */
    private static boolean isSubtype(DotName type, DotName candidate, IndexView index) {
        if (type.equals(candidate) || candidate.equals(ReactorsDotNames.OBJECT)) {
            return true;
        }
        ClassInfo info = index.getClassByName(type);
        if (info == null) {
            return false;
        }
        if (info.superName() != null && !info.superName().equals(ReactorsDotNames.OBJECT)
                && isSubtype(info.superName(), candidate, index)) {
            return true;
        }
        for (DotName implemented : info.interfaceNames()) {
            if (isSubtype(implemented, candidate, index)) {
                return true;
            }
        }
        return false;
    }

    private static IllegalStateException problem(String what, MethodInfo method, BeanInfo bean, String message) {
        return new IllegalStateException(what + " method " + SubscriberMethodBuildItem.describe(method) + " " + message
                + " [method: " + SubscriberMethodBuildItem.describe(method) + ", bean: "
                + (bean == null ? "none" : bean.getBeanClass()) + "]");
    }

    /** @return the {@code skipExecutionIf} class of a {@code @Poller}, or null when it has none */
    static DotName skipPredicate(SubscriberMethodBuildItem item) {
        var value = item.annotation().value("skipExecutionIf");
        return value == null || value.asClass().name().equals(ReactorsDotNames.NEVER) ? null : value.asClass().name();
    }

    static String pollerName(SubscriberMethodBuildItem item) {
        String name = item.value("name", "");
        return name.isBlank() ? item.defaultName() : name;
    }

    // ---------------------------------------------------------------- generate and record

    /**
     * Generates one invoker per method and records its registration, sorted by method so that builds are
     * reproducible. Runs after synthetic beans are ready, so bean instances can be resolved.
     */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    @Consume(SyntheticBeansRuntimeInitBuildItem.class)
    void register(ReactorsRecorder recorder, RecorderContext recorderContext, ReactorsBuildItem reactors,
            List<ValidSubscriberMethodBuildItem> methods, BuildProducer<GeneratedClassBuildItem> generatedClasses,
            BuildProducer<GeneratedResourceBuildItem> generatedResources, BuildProducer<ServiceStartBuildItem> started) {
        // Consumed by the step that fires StartupEvent: subscribers are registered before its observers run.
        started.produce(new ServiceStartBuildItem("reactors-subscribers"));
        if (methods.isEmpty()) {
            return;
        }
        ClassOutput output = new GeneratedClassGizmo2Adaptor(generatedClasses, generatedResources, true);
        Gizmo gizmo = Gizmo.create(output).withDebugInfo(false).withParameters(false);
        List<SubscriberMethodBuildItem> sorted = new ArrayList<>();
        Set<SubscriberMethodBuildItem> beanPredicates = new HashSet<>();
        for (ValidSubscriberMethodBuildItem m : methods) {
            sorted.add(m.method());
            if (m.skipPredicateIsBean()) {
                beanPredicates.add(m.method());
            }
        }
        sorted.sort(Comparator.comparing((SubscriberMethodBuildItem m) -> m.kind())
                .thenComparing(SubscriberMethodBuildItem::description)
                .thenComparing(m -> m.method().descriptor().toString()));
        Set<String> generated = new HashSet<>();
        for (SubscriberMethodBuildItem item : sorted) {
            if (item.kind() == SubscriberMethodBuildItem.Kind.POLLER) {
                String invoker = generatePollerInvoker(gizmo, item, beanPredicates.contains(item), generated);
                recorder.registerPoller(reactors.reactors(), recorderContext.newInstance(invoker),
                        item.bean().getIdentifier(), item.description(), pollerName(item), item.value("every", "0"),
                        item.value("cores", "all"), item.value("delayed", ""));
            } else {
                String invoker = generateEventInvoker(gizmo, item, generated);
                recorder.registerSubscriber(reactors.reactors(), recorderContext.newInstance(invoker),
                        item.bean().getIdentifier(), item.description(), replies(item.method()));
            }
        }
    }

    /**
     * {@code int poll(Object bean, Reactor reactor) { return work(((Bean) bean).method([reactor])); }}, and with
     * {@code skipExecutionIf}: {@code SkipPredicate skipPredicate() { return Arc.container().instance(P.class).get(); }}
     * for a bean, {@code return new P();} otherwise.
     */
    private static String generatePollerInvoker(Gizmo gizmo, SubscriberMethodBuildItem item, boolean predicateIsBean,
            Set<String> generated) {
        MethodInfo method = item.method();
        String name = invokerName(item, POLLER_INVOKER_SUFFIX, generated);
        DotName skip = skipPredicate(item);
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
    private static String generateEventInvoker(Gizmo gizmo, SubscriberMethodBuildItem item, Set<String> generated) {
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
