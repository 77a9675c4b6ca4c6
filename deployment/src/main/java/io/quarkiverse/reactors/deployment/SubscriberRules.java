package io.quarkiverse.reactors.deployment;

import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.Type;

import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.runtime.internal.events.SubscriberSpecs;
import io.quarkus.arc.processor.BeanInfo;

/**
 * The rules a {@code @Poller} or {@code @OnEvent} method must follow, each adding a problem that names
 * {@code Class#method} and says what to do, and what the annotation's values mean ({@link #replies},
 * {@link #skipPredicate}, {@link #pollerName}). Called at build time by {@link SubscriberMethodsProcessor}, which
 * reports every problem at once.
 */
final class SubscriberRules {

    private SubscriberRules() {
    }

    /** The rules of both kinds: the generated invoker calls the method directly, on a reactor. */
    static void validateMethod(SubscriberMethodBuildItem item, String what, List<Throwable> problems) {
        MethodInfo method = item.method();
        if (Modifier.isPrivate(method.flags())) {
            problems.add(problem(what, method, item.bean(), "must not be private: the generated invoker calls it directly,"
                    + " without reflection; make it package-private or public"));
        }
        if (Modifier.isAbstract(method.flags())) {
            problems.add(problem(what, method, item.bean(), "must not be abstract"));
        }
        if (item.blocking()) {
            problems.add(problem(what, method, item.bean(), "must not be @Blocking or @RunOnVirtualThread: it runs on a"
                    + " reactor, which never blocks. Keep the method non-blocking and move the blocking work to"
                    + " reactor.offload(...), which runs it on the worker pool and completes back on the reactor"));
        }
    }

    static void validatePoller(SubscriberMethodBuildItem item, List<Throwable> problems,
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

    static void validateOnEvent(SubscriberMethodBuildItem item, List<Throwable> problems) {
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
    static void validateReplies(List<SubscriberMethodBuildItem> replying, IndexView index,
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

    /** @return a problem naming the annotation, {@code Class#method} and the bean, then what is wrong */
    static IllegalStateException problem(String what, MethodInfo method, BeanInfo bean, String message) {
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
}
