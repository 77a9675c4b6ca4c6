package io.quarkiverse.reactors.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same tests against the packaged application. */
@QuarkusIntegrationTest
public class OperationsIT extends OperationsTest {
}
