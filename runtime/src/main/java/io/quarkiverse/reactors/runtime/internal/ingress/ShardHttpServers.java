package io.quarkiverse.reactors.runtime.internal.ingress;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.Reactors;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

/**
 * One HTTP server per reactor, each listening on its shard port from that reactor's own Vert.x context.
 * <p>
 * Why a connection stays on its reactor: in Vert.x 4 a server that is not shared (its host and port are its own)
 * takes the event loop of the context {@code listen} is called from ({@code TCPServerBase.listen} uses
 * {@code vertx.getOrCreateContext().nettyEventLoop()}) as the only worker of its {@code ServerChannelLoadBalancer},
 * so every accepted channel is registered on that loop and its requests are handled on that context. Listening from
 * reactor {@code i}'s context therefore serves port {@code P+i} on reactor {@code i}, on every transport.
 * <p>
 * Created and closed on the application's startup and shutdown thread, which may wait; never on a reactor.
 */
public final class ShardHttpServers {

    private static final long BIND_TIMEOUT_SECONDS = 30;

    private final List<HttpServer> servers;

    private ShardHttpServers(List<HttpServer> servers) {
        this.servers = servers;
    }

    /**
     * Listens on every shard port and waits until all are bound.
     *
     * @throws IllegalStateException when a port cannot be bound (the servers already bound are closed first); the
     *         message names the reactor, the address and the cause
     */
    public static ShardHttpServers listen(Reactors reactors, ShardPortRange range, HttpServerOptions template,
            Handler<HttpServerRequest> handler) {
        List<HttpServer> servers = new ArrayList<>();
        List<CompletableFuture<HttpServer>> bound = new ArrayList<>();
        for (Reactor reactor : reactors.all()) {
            HttpServerOptions options = new HttpServerOptions(template).setPort(range.port(reactor.id()));
            HttpServer server = reactor.context().owner().createHttpServer(options).requestHandler(handler);
            servers.add(server);
            CompletableFuture<HttpServer> listening = new CompletableFuture<>();
            bound.add(listening);
            // listen() from the reactor's context: that context's event loop becomes the server's only worker.
            reactor.context().runOnContext(v -> server.listen().onComplete(result -> {
                if (result.succeeded()) {
                    listening.complete(result.result());
                } else {
                    listening.completeExceptionally(result.cause());
                }
            }));
        }
        ShardHttpServers all = new ShardHttpServers(servers);
        for (int i = 0; i < bound.size(); i++) {
            try {
                bound.get(i).get(BIND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                all.close();
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                throw new IllegalStateException("Reactor " + i + " could not listen on its shard port "
                        + template.getHost() + ":" + range.port(i) + " (" + ShardPortRange.PROPERTY + ", shard ports "
                        + range + "): " + cause
                        + ". Free the port, or choose a base whose ports are all free.", cause);
            } catch (InterruptedException e) {
                all.close();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while binding the shard ports " + range, e);
            }
        }
        return all;
    }

    /** @return the port each reactor's server listens on, by reactor id */
    public List<Integer> actualPorts() {
        List<Integer> ports = new ArrayList<>(servers.size());
        for (HttpServer server : servers) {
            ports.add(server.actualPort());
        }
        return ports;
    }

    /** Closes every server and waits (boundedly) until they have stopped listening. */
    public void close() {
        List<CompletableFuture<Void>> closed = new ArrayList<>();
        for (HttpServer server : servers) {
            closed.add(server.close().toCompletionStage().toCompletableFuture());
        }
        try {
            CompletableFuture.allOf(closed.toArray(CompletableFuture[]::new)).get(BIND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Closing a server that never bound fails harmlessly; the others are closed.
        }
    }
}
