/**
 * One reactor and the group of all reactors: {@code ReactorImpl} (the {@code Reactor} each core exposes), its loop
 * (slice, iteration, idling through an {@code IdlePolicy}), the phase it publishes for the watchdog, and
 * {@code ReactorGroup}, which binds one reactor to each Vert.x event loop.
 */
package io.quarkiverse.reactors.runtime.internal.reactor;
