/**
 * Runtime wiring of Quarkus Reactors: configuration, the recorder the build steps call, and the
 * config defaults that size the Vert.x event-loop pool to the reactor count.
 */
package io.quarkiverse.reactors.runtime;
