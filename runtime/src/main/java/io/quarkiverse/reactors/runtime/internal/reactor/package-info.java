/**
 * One reactor and the group of all reactors: {@code ReactorImpl} (the {@code Reactor} of one core: argument checks,
 * routing to the owner), with {@code ReactorRegistrations} (pollers, timers and watches put on the reactor),
 * {@code ReactorActivity} (what the watchdog reads) and {@code ReactorTeardown} (its last step at shutdown); its
 * {@code ReactorLoop} (slice, iteration, batch, idling through an {@code IdlePolicy}, park and timed wake-up), its
 * {@code ReactorCounters} and the {@code LoopPhase} it publishes for the watchdog (both padded against false
 * sharing), and {@code ReactorGroup}, which binds one reactor to each Vert.x event loop and stops them all through
 * {@code GroupShutdown}.
 */
package io.quarkiverse.reactors.runtime.internal.reactor;
