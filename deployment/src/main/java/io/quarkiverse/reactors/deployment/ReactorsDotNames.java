package io.quarkiverse.reactors.deployment;

import java.util.concurrent.CompletionStage;

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
    static final DotName UNI = DotName.createSimple(Uni.class);
    static final DotName COMPLETION_STAGE = DotName.createSimple(CompletionStage.class);
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
