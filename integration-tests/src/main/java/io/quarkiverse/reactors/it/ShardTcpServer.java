package io.quarkiverse.reactors.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.Reactors;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;

/**
 * A TCP protocol on shard ports: with {@code demo.tcp.shard-port-base=P}, reactor {@code i} listens on port
 * {@code P+i} and serves every connection accepted there. Each line a client sends is a key; the server increments
 * the key's counter in the sharded store ({@link Shards}) on the key's owner and answers
 * {@code "<value> <owner> <servedBy>\n"}. A client that sends each key to port {@code P + ownerOf(key)} never causes
 * a hop; a key sent elsewhere still works, through one {@code call} to its owner.
 */
@ApplicationScoped
public class ShardTcpServer {

    @Inject
    Reactors reactors;

    @Inject
    Shards shards;

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "demo.tcp.shard-port-base")
    Optional<Integer> base;

    private final List<NetServer> servers = new ArrayList<>();

    void start(@Observes StartupEvent start) throws Exception {
        if (base.isEmpty()) {
            return;
        }
        List<CompletableFuture<NetServer>> listening = new ArrayList<>();
        // tag::tcp-shard-ports[]
        for (Reactor reactor : reactors.all()) {
            int port = base.get() + reactor.id();
            CompletableFuture<NetServer> bound = new CompletableFuture<>();
            // Listened from the reactor's own context: Vert.x then accepts every connection of this server on
            // that reactor's event loop, and runs its handlers there.
            reactor.context().runOnContext(v -> vertx.createNetServer()
                    .connectHandler(this::serve)
                    .listen(port)
                    .onSuccess(bound::complete)
                    .onFailure(bound::completeExceptionally));
            listening.add(bound);
        }
        // end::tcp-shard-ports[]
        for (CompletableFuture<NetServer> bound : listening) {
            servers.add(bound.get(30, TimeUnit.SECONDS)); // startup thread, not a reactor: waiting is fine
        }
    }

    void stop(@Observes ShutdownEvent stop) {
        servers.forEach(NetServer::close);
    }

    /** Runs on the reactor that accepted the connection. */
    private void serve(NetSocket socket) {
        Reactor servedBy = reactors.current();
        socket.handler(RecordParser.newDelimited("\n", line -> {
            String key = line.toString().trim();
            Reactor owner = reactors.forKey(key);
            // On the owner's port the call runs at once, on this reactor; otherwise it hops to the owner and back.
            owner.call(() -> shards.local().merge(key, 1L, Long::sum))
                    .subscribe().with(
                            value -> socket.write(Buffer.buffer(value + " " + owner.id() + " " + servedBy.id() + "\n")),
                            failure -> socket.write("ERR " + failure.getMessage() + "\n"));
        }));
    }
}
