/**
 * Cross-core events: the {@code EventMailbox} (a reactor's bounded queue and its wake-up handshake, the cross-core
 * unit), {@code ReactorCalls} (calls, fired, delivered and requested events), the event types a reactor queues
 * (two-argument sends, calls, fired and delivered events, internal tasks and their replies), and the
 * {@code @OnEvent} subscribers and their dispatch by event type.
 */
package io.quarkiverse.reactors.runtime.internal.events;
