package io.quarkiverse.reactors.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same tests against the packaged application (a native executable with -Dnative, where GraalVM is installed). */
@QuarkusIntegrationTest
public class ReactorResourceIT extends ReactorResourceTest {
}
