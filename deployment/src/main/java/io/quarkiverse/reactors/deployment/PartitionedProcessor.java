package io.quarkiverse.reactors.deployment;

import static org.jboss.jandex.gizmo2.Jandex2Gizmo.classDescOf;
import static org.jboss.jandex.gizmo2.Jandex2Gizmo.methodDescOf;

import java.lang.annotation.RetentionPolicy;
import java.lang.constant.ClassDesc;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationTransformation;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.Type;

import io.quarkiverse.reactors.runtime.ReactorsBuildTimeConfig;
import io.quarkiverse.reactors.runtime.internal.kafka.DrainingCommitHandler;
import io.quarkiverse.reactors.runtime.internal.kafka.PartitionedChannels;
import io.quarkiverse.reactors.runtime.internal.kafka.PartitionedInvoker;
import io.quarkiverse.reactors.runtime.internal.kafka.PartitionedRecorder;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.AnnotationsTransformerBuildItem;
import io.quarkus.arc.deployment.AutoAddScopeBuildItem;
import io.quarkus.arc.deployment.BeanDiscoveryFinishedBuildItem;
import io.quarkus.arc.deployment.GeneratedBeanBuildItem;
import io.quarkus.arc.deployment.GeneratedBeanGizmo2Adaptor;
import io.quarkus.arc.deployment.SyntheticBeansRuntimeInitBuildItem;
import io.quarkus.arc.deployment.UnremovableBeanBuildItem;
import io.quarkus.arc.deployment.UnremovableBeanBuildItem.BeanClassAnnotationExclusion;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem.ValidationErrorBuildItem;
import io.quarkus.arc.processor.BeanInfo;
import io.quarkus.arc.processor.BuiltinScope;
import io.quarkus.bootstrap.classloading.QuarkusClassLoader;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.GeneratedClassGizmo2Adaptor;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.Consume;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.GeneratedClassBuildItem;
import io.quarkus.deployment.builditem.GeneratedResourceBuildItem;
import io.quarkus.deployment.builditem.RunTimeConfigurationDefaultBuildItem;
import io.quarkus.deployment.builditem.ServiceStartBuildItem;
import io.quarkus.deployment.execannotations.ExecutionModelAnnotationsAllowedBuildItem;
import io.quarkus.deployment.metrics.MetricsCapabilityBuildItem;
import io.quarkus.deployment.metrics.MetricsFactoryConsumerBuildItem;
import io.quarkus.deployment.recording.RecorderContext;
import io.quarkus.gizmo2.ClassOutput;
import io.quarkus.gizmo2.Const;
import io.quarkus.gizmo2.Expr;
import io.quarkus.gizmo2.GenericType;
import io.quarkus.gizmo2.Gizmo;
import io.quarkus.gizmo2.ParamVar;
import io.quarkus.gizmo2.TypeArgument;
import io.quarkus.gizmo2.desc.ClassMethodDesc;
import io.quarkus.gizmo2.desc.InterfaceMethodDesc;
import io.quarkus.runtime.util.HashUtil;

/**
 * Wires {@code @Partitioned} Kafka consumers onto reactors, when the application has
 * {@code quarkus-messaging-kafka} (checked through the messaging capability and the Kafka connector class, so the
 * extension builds and runs without Kafka). The user's {@code @Incoming} moves, by an annotation transformation,
 * to a generated bean whose {@code @Incoming} method hands each record to {@code PartitionedChannels}; the
 * user's method is called on the owning reactor by a generated invoker. Collect and validate (every problem at
 * once, naming {@code Class#method}) → generate → record, as {@link SubscriberMethodsProcessor}.
 * <p>
 * Nothing here loads Kafka or SmallRye classes: they are named by strings, so this processor runs in
 * applications that have neither.
 */
class PartitionedProcessor {

    static final String KAFKA_CONNECTOR = "smallrye-kafka";
    private static final String KAFKA_CONNECTOR_CLASS = "io.smallrye.reactive.messaging.kafka.KafkaConnector";
    private static final String INGRESS_SUFFIX = "_ReactorsPartitionedIngress";
    private static final String INVOKER_SUFFIX = "_ReactorsPartitioned";
    private static final ClassDesc MESSAGE = ClassDesc.of(ReactorsDotNames.MESSAGE.toString());
    private static final ClassDesc INCOMING = ClassDesc.of(ReactorsDotNames.INCOMING.toString());
    private static final ClassDesc ACKNOWLEDGMENT = ClassDesc.of("org.eclipse.microprofile.reactive.messaging.Acknowledgment");
    private static final ClassDesc ACK_STRATEGY = ClassDesc
            .of("org.eclipse.microprofile.reactive.messaging.Acknowledgment$Strategy");

    static boolean kafkaPresent(Capabilities capabilities) {
        return capabilities.isPresent(Capability.MESSAGING)
                && QuarkusClassLoader.isClassPresentAtRuntime(KAFKA_CONNECTOR_CLASS);
    }

    // ---------------------------------------------------------------- beans and annotations

    /** The user's {@code @Incoming} goes to the generated ingress bean, so SmallRye wires that one instead. */
    @BuildStep
    void moveIncoming(Capabilities capabilities, BuildProducer<AnnotationsTransformerBuildItem> transformers) {
        if (kafkaPresent(capabilities)) {
            transformers.produce(new AnnotationsTransformerBuildItem(AnnotationTransformation.forMethods()
                    .whenMethod(m -> m.hasDeclaredAnnotation(ReactorsDotNames.PARTITIONED))
                    .transform(t -> t.remove(a -> a.name().equals(ReactorsDotNames.INCOMING)))));
        }
    }

    @BuildStep
    AutoAddScopeBuildItem autoAddScope() {
        return AutoAddScopeBuildItem.builder()
                .anyMethodMatches(m -> !Modifier.isStatic(m.flags()) && m.hasAnnotation(ReactorsDotNames.PARTITIONED))
                .defaultScope(BuiltinScope.SINGLETON).reason("Found @Partitioned methods").build();
    }

    @BuildStep
    UnremovableBeanBuildItem unremovable() {
        return new UnremovableBeanBuildItem(new BeanClassAnnotationExclusion(ReactorsDotNames.PARTITIONED));
    }

    /** {@code @Blocking} is reported by {@link #validate} with a message about reactors, not by Quarkus' generic check. */
    @BuildStep
    ExecutionModelAnnotationsAllowedBuildItem executionModelAnnotations() {
        return new ExecutionModelAnnotationsAllowedBuildItem(m -> m.hasDeclaredAnnotation(ReactorsDotNames.PARTITIONED));
    }

    @BuildStep
    void runtimeBeans(Capabilities capabilities, BuildProducer<AdditionalBeanBuildItem> beans) {
        if (kafkaPresent(capabilities)) {
            beans.produce(AdditionalBeanBuildItem.builder().setUnremovable()
                    .addBeanClasses(PartitionedChannels.class, DrainingCommitHandler.Factory.class).build());
        }
    }

    /**
     * One generated {@code @Incoming} bean per {@code @Partitioned} method, and the draining commit strategy as the
     * channel's default. Reads the plain index: it runs before bean discovery, which must see the generated beans.
     */
    @BuildStep
    void ingress(Capabilities capabilities, CombinedIndexBuildItem index, BuildProducer<GeneratedBeanBuildItem> beans,
            BuildProducer<RunTimeConfigurationDefaultBuildItem> defaults) {
        if (!kafkaPresent(capabilities)) {
            return;
        }
        Gizmo gizmo = Gizmo.create(new GeneratedBeanGizmo2Adaptor(beans)).withDebugInfo(false).withParameters(false);
        List<MethodInfo> methods = new ArrayList<>();
        for (AnnotationInstance partitioned : index.getIndex().getAnnotations(ReactorsDotNames.PARTITIONED)) {
            if (partitioned.target().kind() == AnnotationTarget.Kind.METHOD
                    && channel(partitioned.target().asMethod()).isPresent()) {
                methods.add(partitioned.target().asMethod());
            }
        }
        methods.sort(Comparator.comparing(PartitionedProcessor::describe));
        for (MethodInfo method : methods) {
            String channel = channel(method).get();
            generateIngress(gizmo, method, channel);
            defaults.produce(new RunTimeConfigurationDefaultBuildItem("mp.messaging.incoming." + channel + ".commit-strategy",
                    DrainingCommitHandler.STRATEGY));
        }
    }

    // ---------------------------------------------------------------- collect and validate

    /** Reports every problem of every {@code @Partitioned} method in one build failure, each naming Class#method. */
    @BuildStep
    void validate(Capabilities capabilities, CombinedIndexBuildItem index, BeanDiscoveryFinishedBuildItem beanDiscovery,
            ValidationPhaseBuildItem validationPhase, BuildProducer<ValidationErrorBuildItem> errors,
            BuildProducer<PartitionedMethodBuildItem> valid) {
        List<Throwable> problems = new ArrayList<>();
        boolean kafka = kafkaPresent(capabilities);
        for (AnnotationInstance partitioned : index.getIndex().getAnnotations(ReactorsDotNames.PARTITIONED)) {
            if (partitioned.target().kind() != AnnotationTarget.Kind.METHOD) {
                continue;
            }
            MethodInfo method = partitioned.target().asMethod();
            int before = problems.size();
            Optional<BeanInfo> bean = beanOf(method, beanDiscovery);
            validate(method, bean, kafka, problems);
            if (problems.size() == before) {
                valid.produce(new PartitionedMethodBuildItem(method, bean.get().getIdentifier(), channel(method).get()));
            }
        }
        if (!problems.isEmpty()) {
            errors.produce(new ValidationErrorBuildItem(problems));
        }
    }

    private static void validate(MethodInfo method, Optional<BeanInfo> bean, boolean kafka, List<Throwable> problems) {
        if (!kafka) {
            problems.add(problem(method, "needs Kafka messaging: add the io.quarkus:quarkus-messaging-kafka dependency"));
            return;
        }
        List<AnnotationInstance> incoming = method.annotations(ReactorsDotNames.INCOMING).stream()
                .filter(a -> a.target().kind() == AnnotationTarget.Kind.METHOD).toList();
        if (method.hasDeclaredAnnotation(ReactorsDotNames.INCOMINGS) || incoming.size() > 1) {
            problems.add(problem(method, "must consume one channel: a record's partition is only defined within one"
                    + " Kafka channel; declare one @Partitioned method per channel"));
        } else if (incoming.isEmpty()) {
            problems.add(problem(method, "must also be annotated @Incoming(\"<channel>\"): @Partitioned says where"
                    + " the records of an @Incoming Kafka channel run"));
        } else {
            String channel = incoming.get(0).value().asString();
            Optional<String> connector = ConfigProvider.getConfig()
                    .getOptionalValue("mp.messaging.incoming." + channel + ".connector", String.class);
            if (connector.isPresent() && !connector.get().equals(KAFKA_CONNECTOR)) {
                problems.add(problem(method, "consumes channel '" + channel + "' of connector '" + connector.get()
                        + "', where a record has no Kafka partition: @Partitioned needs connector " + KAFKA_CONNECTOR));
            }
        }
        if (Modifier.isStatic(method.flags())) {
            problems.add(problem(method, "must not be static: declare it on a bean instance method"));
        } else if (bean.isEmpty()) {
            problems.add(problem(method, "is not on a bean: declare it on a concrete bean class (a class with no scope"
                    + " becomes @Singleton)"));
        }
        if (Modifier.isPrivate(method.flags())) {
            problems.add(problem(method, "must not be private: the generated invoker calls it directly, without"
                    + " reflection; make it package-private or public"));
        }
        if (method.hasDeclaredAnnotation(ReactorsDotNames.BLOCKING)
                || method.hasDeclaredAnnotation(ReactorsDotNames.MESSAGING_BLOCKING)
                || method.hasDeclaredAnnotation(ReactorsDotNames.RUN_ON_VIRTUAL_THREAD)
                || method.hasDeclaredAnnotation(ReactorsDotNames.TRANSACTIONAL)) {
            problems.add(problem(method, "must not be @Blocking, @RunOnVirtualThread or @Transactional: it runs on a"
                    + " reactor, which never blocks. Keep the method non-blocking and move the blocking work to"
                    + " reactor.offload(...), returning its Uni, so the record is acked when the offloaded work completes"));
        }
        List<Type> params = method.parameterTypes();
        if (params.size() != 1) {
            problems.add(problem(method, "must take one parameter (the payload, the Message or the ConsumerRecord),"
                    + " found " + params));
        } else if (params.get(0).kind() == Type.Kind.PRIMITIVE) {
            problems.add(problem(method, "must take an object type, found " + params.get(0) + ": use its wrapper type"));
        }
        Type returned = method.returnType();
        if (returned.kind() != Type.Kind.VOID && !returned.name().equals(ReactorsDotNames.UNI)
                && !returned.name().equals(ReactorsDotNames.COMPLETION_STAGE)) {
            problems.add(problem(method, "must return void, Uni or CompletionStage (the record is acked when it"
                    + " completes), found " + returned));
        }
    }

    private static Optional<BeanInfo> beanOf(MethodInfo method, BeanDiscoveryFinishedBuildItem beanDiscovery) {
        ClassInfo declaring = method.declaringClass();
        return beanDiscovery.beanStream().classBeans()
                .filter(b -> b.getImplClazz() != null && b.getImplClazz().name().equals(declaring.name())).stream().findFirst();
    }

    /** The channel of a method with exactly one {@code @Incoming}, read from the index (before transformation). */
    private static Optional<String> channel(MethodInfo method) {
        if (method.hasDeclaredAnnotation(ReactorsDotNames.INCOMINGS)) {
            return Optional.empty();
        }
        List<AnnotationInstance> incoming = method.annotations(ReactorsDotNames.INCOMING).stream()
                .filter(a -> a.target().kind() == AnnotationTarget.Kind.METHOD).toList();
        return incoming.size() == 1 ? Optional.of(incoming.get(0).value().asString()) : Optional.empty();
    }

    private static IllegalStateException problem(MethodInfo method, String message) {
        return new IllegalStateException("@Partitioned method " + describe(method) + " " + message + " [method: "
                + describe(method) + "]");
    }

    static String describe(MethodInfo method) {
        return method.declaringClass().name() + "#" + method.name() + "()";
    }

    // ---------------------------------------------------------------- generate and record

    /** Generates the invokers and registers the channels before the connector starts (sorted: reproducible builds). */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    @Consume(SyntheticBeansRuntimeInitBuildItem.class)
    void register(PartitionedRecorder recorder, RecorderContext recorderContext, ReactorsBuildItem reactors,
            Capabilities capabilities, List<PartitionedMethodBuildItem> methods,
            BuildProducer<GeneratedClassBuildItem> generatedClasses,
            BuildProducer<GeneratedResourceBuildItem> generatedResources, BuildProducer<ServiceStartBuildItem> started) {
        started.produce(new ServiceStartBuildItem("reactors-partitioned"));
        List<PartitionedMethodBuildItem> sorted = new ArrayList<>(methods);
        sorted.sort(Comparator.comparing((PartitionedMethodBuildItem m) -> describe(m.method())));
        if (kafkaPresent(capabilities)) {
            // even with no channel left: a dev-mode reload that removed the last one must not leave it listed
            recorder.startRegistrations(sorted.stream().map(PartitionedMethodBuildItem::channel).toList());
        }
        if (methods.isEmpty()) {
            return;
        }
        ClassOutput output = new GeneratedClassGizmo2Adaptor(generatedClasses, generatedResources, true);
        Gizmo gizmo = Gizmo.create(output).withDebugInfo(false).withParameters(false);
        for (PartitionedMethodBuildItem item : sorted) {
            String invoker = generateInvoker(gizmo, item.method());
            recorder.register(reactors.reactors(), recorderContext.newInstance(invoker), item.beanId(), item.channel(),
                    describe(item.method()));
        }
        recorder.checkPartitionMap(sorted.stream().map(PartitionedMethodBuildItem::channel).toList());
    }

    /** The channels' meters, with the reactors' own: when Micrometer is present and the reactors' metrics are on. */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void meters(ReactorsBuildTimeConfig config, Capabilities capabilities, Optional<MetricsCapabilityBuildItem> metrics,
            PartitionedRecorder recorder, ReactorsBuildItem reactors, List<PartitionedMethodBuildItem> methods,
            BuildProducer<MetricsFactoryConsumerBuildItem> consumers) {
        if (!methods.isEmpty() && OperationsProcessor.micrometerOn(config, capabilities, metrics)) {
            consumers.produce(new MetricsFactoryConsumerBuildItem(recorder.meters(reactors.reactors(),
                    methods.stream().map(PartitionedMethodBuildItem::channel).sorted().toList())));
        }
    }

    /**
     * {@code @Incoming("ch") @Acknowledgment(MANUAL) CompletionStage<Void> onMessage(Message<Object> m)
     * { return PartitionedChannels.dispatch("ch", m); }}, as a {@code @Singleton} bean.
     */
    private static void generateIngress(Gizmo gizmo, MethodInfo method, String channel) {
        gizmo.class_(generatedName(method, INGRESS_SUFFIX), cc -> {
            cc.addAnnotation(Singleton.class);
            cc.defaultConstructor();
            cc.method("onMessage", mc -> {
                mc.public_();
                mc.addAnnotation(INCOMING, RetentionPolicy.RUNTIME, a -> a.add("value", channel));
                mc.addAnnotation(ACKNOWLEDGMENT, RetentionPolicy.RUNTIME, a -> a.add("value", ACK_STRATEGY, "MANUAL"));
                mc.returning(GenericType.ofClass(CompletionStage.class, TypeArgument.of(Void.class)));
                ParamVar message = mc.parameter("message", GenericType.ofClass(MESSAGE, TypeArgument.of(Object.class)));
                mc.body(bc -> bc.return_(bc.invokeStatic(ClassMethodDesc.of(ClassDesc.of(PartitionedChannels.class.getName()),
                        "dispatch", ClassDesc.of(CompletionStage.class.getName()), ClassDesc.of(String.class.getName()),
                        MESSAGE),
                        Const.of(channel), message)));
            });
        });
    }

    /** {@code Object invoke(Object bean, Message m) { return ((Bean) bean).method(payload | m | record(m)); }} */
    private static String generateInvoker(Gizmo gizmo, MethodInfo method) {
        String name = generatedName(method, INVOKER_SUFFIX);
        Type param = method.parameterType(0);
        gizmo.class_(name, cc -> {
            cc.extends_(ClassDesc.of(PartitionedInvoker.class.getName()));
            cc.defaultConstructor();
            cc.method("invoke", mc -> {
                mc.public_();
                mc.returning(Object.class);
                ParamVar bean = mc.parameter("bean", Object.class);
                ParamVar message = mc.parameter("message", MESSAGE);
                mc.body(bc -> {
                    Expr target = bc.cast(bean, classDescOf(method.declaringClass()));
                    Expr argument;
                    if (param.name().equals(ReactorsDotNames.MESSAGE)) {
                        argument = message;
                    } else if (param.name().equals(ReactorsDotNames.CONSUMER_RECORD)) {
                        argument = bc.invokeStatic(ClassMethodDesc.of(ClassDesc.of(PartitionedInvoker.class.getName()),
                                "record", classDescOf(ReactorsDotNames.CONSUMER_RECORD), MESSAGE), message);
                    } else {
                        argument = bc.cast(bc.invokeInterface(InterfaceMethodDesc.of(MESSAGE, "getPayload",
                                ClassDesc.of(Object.class.getName())), message), classDescOf(param.name()));
                    }
                    Expr result = bc.invokeVirtual(methodDescOf(method), target, argument);
                    if (result.isVoid()) {
                        bc.return_(Const.ofNull(Object.class));
                    } else {
                        bc.return_(result);
                    }
                });
            });
        });
        return name;
    }

    /** {@code org.acme.Orders_ReactorsPartitioned_apply_<sha1 of the signature>}, in the bean's package. */
    private static String generatedName(MethodInfo method, String suffix) {
        return method.declaringClass().name().toString().replace('$', '_') + suffix + "_" + method.name() + "_"
                + HashUtil.sha1(method.declaringClass().name() + "#" + method.name() + method.descriptor());
    }
}
