/**
 * Build steps of Quarkus Reactors: register the feature, size the Vert.x event-loop pool, and record the
 * start of the reactors as a synthetic {@code Reactors} bean.
 */
package io.quarkiverse.reactors.deployment;
