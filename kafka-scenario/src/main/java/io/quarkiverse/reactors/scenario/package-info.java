/** A @Partitioned consumer run as two instances by the Kafka scenario test. */
package io.quarkiverse.reactors.scenario;
