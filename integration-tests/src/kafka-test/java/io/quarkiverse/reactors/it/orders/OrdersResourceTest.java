package io.quarkiverse.reactors.it.orders;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkiverse.reactors.test.kafka.KafkaBrokerResource;
import io.restassured.path.json.JsonPath;

/**
 * The demo's partitioned consumer against a real broker (Maven profile {@code kafka} only): orders posted through
 * REST go through topic {@code orders} (8 partitions) and are applied on the reactor owning their partition; each
 * partition runs on one reactor only and the totals add up.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true, initArgs = @ResourceArg(name = "topics", value = "orders:8"))
class OrdersResourceTest {

    static final int CUSTOMERS = 20;
    static final int ORDERS_EACH = 10;

    @Test
    void ordersAreAppliedOnTheReactorOwningTheirPartition() throws InterruptedException {
        for (int order = 1; order <= ORDERS_EACH; order++) {
            for (int customer = 0; customer < CUSTOMERS; customer++) {
                given().post("/orders/customer-" + customer + "/" + order).then().statusCode(204);
            }
        }
        long expected = ORDERS_EACH * (ORDERS_EACH + 1) / 2;          // 1 + 2 + ... + ORDERS_EACH
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (applied() < CUSTOMERS * ORDERS_EACH && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(CUSTOMERS * ORDERS_EACH, applied(), "every order applied once: " + shards().prettyPrint());
        for (int customer = 0; customer < CUSTOMERS; customer++) {
            assertEquals(expected, given().get("/orders/customer-" + customer).then().statusCode(200).extract()
                    .jsonPath().getLong("total"), "customer-" + customer);
        }

        JsonPath shards = shards();
        int reactors = shards.getList("reactor").size();
        Set<Integer> seen = new HashSet<>();
        for (int reactor = 0; reactor < reactors; reactor++) {
            List<Integer> partitions = shards.getList("[" + reactor + "].partitions", Integer.class);
            for (int partition : partitions) {
                assertEquals(partition % reactors, reactor, "partition " + partition + " runs on its owner only");
                assertTrue(seen.add(partition), "partition " + partition + " on one reactor only");
            }
        }
        assertTrue(seen.size() > 1, "20 customers spread over several of 8 partitions: " + seen);
        given().post("/orders/customer-0/0").then().statusCode(400);
    }

    private static long applied() {
        return shards().getList("orders", Long.class).stream().mapToLong(Long::longValue).sum();
    }

    private static JsonPath shards() {
        return given().get("/orders").then().statusCode(200).extract().jsonPath();
    }
}
