package io.quarkiverse.reactors.test.ingress;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With TLS on the main server (here through the TLS registry's default key store), the shard ports speak TLS with
 * the same certificate, each still served on its own reactor, and refuse plain HTTP.
 * (The key store is a self-signed test certificate for localhost, generated with keytool.)
 */
public class ShardPortsUseTheMainServersTlsTest {

    static final int BASE = FreePorts.consecutive(ShardPortsUseTheMainServersTlsTest.class, 2);

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Await.class, FreePorts.class,
                    ShardPortsServeOnTheirReactorTest.WhereRoute.class)
                    .addAsResource("ingress/shard-tls.p12"))
            .overrideRuntimeConfigKey("quarkus.reactors.count", "2")
            .overrideRuntimeConfigKey("quarkus.tls.key-store.p12.path", "ingress/shard-tls.p12")
            .overrideRuntimeConfigKey("quarkus.tls.key-store.p12.password", "shard-test")
            .overrideRuntimeConfigKey("quarkus.http.test-ssl-port", "0")
            .overrideRuntimeConfigKey("quarkus.reactors.http.shard-port-base", String.valueOf(BASE));

    @Test
    void shardPortsSpeakTlsOnTheirReactor() {
        for (int reactor = 0; reactor < 2; reactor++) {
            String where = given().relaxedHTTPSValidation().baseUri("https://localhost").port(BASE + reactor)
                    .when().get("/where").then().statusCode(200).extract().asString();
            assertEquals(String.valueOf(reactor), where.split(" ")[0], "port " + (BASE + reactor) + ": " + where);
        }
        given().relaxedHTTPSValidation().baseUri("https://localhost").port(BASE)
                .when().get("/q/reactors/shards").then().statusCode(200)
                .body("scheme", is("https"));
    }

    @Test
    void plainHttpIsNotServed() {
        // the TLS handler drops a plain request: no response, or no 200
        assertThrows(Throwable.class, () -> given().baseUri("http://localhost").port(BASE).when().get("/where")
                .then().statusCode(200));
    }
}
