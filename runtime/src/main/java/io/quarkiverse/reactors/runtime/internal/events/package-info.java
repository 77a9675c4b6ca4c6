/**
 * Cross-core events: the event types a reactor queues (two-argument sends, calls, fired and delivered events,
 * internal tasks and their replies), the {@code @OnEvent} subscribers and their dispatch by event type.
 */
package io.quarkiverse.reactors.runtime.internal.events;
