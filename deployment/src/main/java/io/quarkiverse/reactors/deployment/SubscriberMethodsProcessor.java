package io.quarkiverse.reactors.deployment;

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
import org.jboss.jandex.MethodInfo;

import io.quarkiverse.reactors.PerCore;
import io.quarkiverse.reactors.Poller;
import io.quarkiverse.reactors.runtime.ReactorsRecorder;
import io.quarkiverse.reactors.runtime.internal.percore.PerCoreContext;
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
import io.quarkus.gizmo2.Gizmo;

/**
 * Turns {@code @Poller} and {@code @OnEvent} bean methods into reactor subscribers, and registers the
 * {@code @PerCore} scope. Reads top to bottom as the flow of quarkus-scheduler and quarkus-vertx's
 * {@code @ConsumeEvent}: collect, validate (every problem at once; the rules of each kind in
 * {@link SubscriberRules}), generate invokers ({@link SubscriberInvokers}: Gizmo, no reflection), record.
 */
class SubscriberMethodsProcessor {

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
                    problems.add(SubscriberRules.problem("@" + annotation.withoutPackagePrefix(), method, null,
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
            SubscriberRules.validateMethod(item, what, problems);
            if (item.kind() == SubscriberMethodBuildItem.Kind.POLLER) {
                SubscriberRules.validatePoller(item, problems, pollerNames, index.getIndex(), isBean);
            } else {
                SubscriberRules.validateOnEvent(item, problems);
            }
            if (problems.size() == before) {
                DotName skip = item.kind() == SubscriberMethodBuildItem.Kind.POLLER ? SubscriberRules.skipPredicate(item)
                        : null;
                valid.produce(new ValidSubscriberMethodBuildItem(item, skip != null && isBean.test(skip)));
                if (item.kind() == SubscriberMethodBuildItem.Kind.ON_EVENT && SubscriberRules.replies(method)) {
                    replying.add(item);
                }
            }
        }
        SubscriberRules.validateReplies(replying, index.getIndex(), problems);
        if (!problems.isEmpty()) {
            errors.produce(new ValidationErrorBuildItem(problems));
        }
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
                String invoker = SubscriberInvokers.generatePollerInvoker(gizmo, item, beanPredicates.contains(item),
                        generated);
                recorder.registerPoller(reactors.reactors(), recorderContext.newInstance(invoker),
                        item.bean().getIdentifier(), item.description(), SubscriberRules.pollerName(item),
                        item.value("every", "0"),
                        item.value("cores", "all"), item.value("delayed", ""));
            } else {
                String invoker = SubscriberInvokers.generateEventInvoker(gizmo, item, generated);
                recorder.registerSubscriber(reactors.reactors(), recorderContext.newInstance(invoker),
                        item.bean().getIdentifier(), item.description(), SubscriberRules.replies(item.method()));
            }
        }
    }
}
