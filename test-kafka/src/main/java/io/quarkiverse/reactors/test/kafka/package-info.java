/** Test support: a local KRaft Kafka broker started from Maven artifacts, on loopback. */
package io.quarkiverse.reactors.test.kafka;
