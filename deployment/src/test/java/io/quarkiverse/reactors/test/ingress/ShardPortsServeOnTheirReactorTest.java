package io.quarkiverse.reactors.test.ingress;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.config.ConnectionConfig;
import io.restassured.config.RestAssuredConfig;
import io.vertx.ext.web.Router;

/**
 * With {@code quarkus.reactors.http.shard-port-base=P}, port {@code P+i} serves the application's routes on
 * reactor {@code i} only, connection after connection, while the main port keeps serving; {@code /q/reactors/shards}
 * tells clients the count, the hash and the ports.
 */
public class ShardPortsServeOnTheirReactorTest {

    static final int BASE = FreePorts.consecutive(ShardPortsServeOnTheirReactorTest.class, 2);

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(2, WhereRoute.class, FreePorts.class)
            .overrideRuntimeConfigKey("quarkus.reactors.http.shard-port-base", String.valueOf(BASE));

    @Inject
    Reactors reactors;

    /** An application route that answers with the reactor serving it. */
    @Singleton
    public static class WhereRoute {
        @Inject
        Reactors reactors;

        void routes(@Observes Router router) {
            router.get("/where").handler(ctx -> ctx.response()
                    .end(reactors.current().id() + " " + Thread.currentThread().getName()));
        }
    }

    @Test
    void eachShardPortServesOnItsReactorOnly() {
        for (int reactor = 0; reactor < 2; reactor++) {
            for (int connection = 0; connection < 20; connection++) {
                // a new connection per request: the accepting side must place every connection on the reactor
                String where = given().port(BASE + reactor)
                        .config(RestAssuredConfig.config().connectionConfig(ConnectionConfig.connectionConfig()
                                .closeIdleConnectionsAfterEachResponse()))
                        .header("Connection", "close")
                        .when().get("/where").then().statusCode(200).extract().asString();
                assertEquals(String.valueOf(reactor), where.split(" ")[0], "port " + (BASE + reactor) + ": " + where);
                assertEquals(reactors.reactor(reactor).stats().thread(), where.split(" ")[1]);
            }
        }
    }

    @Test
    void mainPortStillServes() {
        when().get("/where").then().statusCode(200);
    }

    @Test
    void shardsEndpointPublishesCountHashAndPorts() {
        for (int port : new int[] { BASE, BASE + 1 }) {
            // the shard ports serve non-application routes too (here the management interface is off)
            given().port(port).when().get("/q/reactors/shards").then().statusCode(200)
                    .body("count", is(2))
                    .body("hash", is("murmur3_x86_32"))
                    .body("enabled", is(true))
                    .body("scheme", is("http"))
                    .body("ports", contains(BASE, BASE + 1));
        }
        given().when().post("/q/reactors/shards").then().statusCode(405);
    }
}
