package io.quarkiverse.reactors.deployment;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

import org.jboss.jandex.DotName;

import io.quarkiverse.reactors.OnEvent;
import io.quarkiverse.reactors.Partitioned;
import io.quarkiverse.reactors.Poller;
import io.quarkiverse.reactors.Reactor;
import io.smallrye.mutiny.Uni;

/** The names the build steps look for, in one place. */
final class ReactorsDotNames {

    static final DotName POLLER = DotName.createSimple(Poller.class);
    static final DotName ON_EVENT = DotName.createSimple(OnEvent.class);
    static final DotName REACTOR = DotName.createSimple(Reactor.class);
    static final DotName NEVER = DotName.createSimple(Poller.Never.class);
    static final DotName UNI = DotName.createSimple(Uni.class);
    static final DotName COMPLETION_STAGE = DotName.createSimple(CompletionStage.class);
    static final DotName OBJECT = DotName.createSimple(Object.class);
    static final DotName VOID = DotName.createSimple(Void.class);
    /** Asynchronous results an {@code @OnEvent} method may return, awaited on the reactor. */
    static final Set<DotName> ASYNC = Set.of(UNI, COMPLETION_STAGE, DotName.createSimple(CompletableFuture.class));
    /** Streams, which an {@code @OnEvent} method must not return: nothing would subscribe to them. */
    static final Set<DotName> STREAMS = Set.of(DotName.createSimple("io.smallrye.mutiny.Multi"),
            DotName.createSimple(Flow.Publisher.class), DotName.createSimple("org.reactivestreams.Publisher"));
    static final DotName BLOCKING = DotName.createSimple("io.smallrye.common.annotation.Blocking");
    static final DotName PARTITIONED = DotName.createSimple(Partitioned.class);
    static final DotName INCOMING = DotName.createSimple("org.eclipse.microprofile.reactive.messaging.Incoming");
    static final DotName INCOMINGS = DotName.createSimple("io.smallrye.reactive.messaging.annotations.Incomings");
    static final DotName MESSAGE = DotName.createSimple("org.eclipse.microprofile.reactive.messaging.Message");
    static final DotName CONSUMER_RECORD = DotName.createSimple("org.apache.kafka.clients.consumer.ConsumerRecord");
    static final DotName MESSAGING_BLOCKING = DotName.createSimple("io.smallrye.reactive.messaging.annotations.Blocking");
    static final DotName TRANSACTIONAL = DotName.createSimple("jakarta.transaction.Transactional");
    static final DotName RUN_ON_VIRTUAL_THREAD = DotName.createSimple("io.smallrye.common.annotation.RunOnVirtualThread");

    private ReactorsDotNames() {
    }
}
