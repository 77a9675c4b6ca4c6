/**
 * Where reactors run: the CPU list parser, the placement of reactors on CPUs, thread pinning, and the config
 * source that sizes the Vert.x event-loop pool from {@code quarkus.reactors.count}.
 */
package io.quarkiverse.reactors.runtime.internal.placement;
