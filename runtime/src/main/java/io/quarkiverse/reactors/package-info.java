/**
 * The public API of Quarkus Reactors: one reactor per core, each bound to one Vert.x event loop, and
 * events between them.
 * <p>
 * Inject {@link io.quarkiverse.reactors.Reactors} to reach the reactors; everything under
 * {@code io.quarkiverse.reactors.runtime} is implementation that applications never import.
 */
package io.quarkiverse.reactors;
