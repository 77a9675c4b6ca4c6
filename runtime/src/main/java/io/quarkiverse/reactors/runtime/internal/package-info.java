/**
 * Implementation of the reactors, one subpackage per subsystem: {@code reactor} (the reactor and its loop),
 * {@code events} (cross-core events and their dispatch), {@code timers}, {@code pollers}, {@code watch},
 * {@code offload}, {@code placement}, {@code percore}, {@code ops} (watchdog, meters, JSON), {@code ingress} and
 * {@code kafka}. Nothing here is API; applications use {@code io.quarkiverse.reactors}.
 */
package io.quarkiverse.reactors.runtime.internal;
