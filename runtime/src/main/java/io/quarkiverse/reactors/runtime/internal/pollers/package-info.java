/**
 * Pollers: {@code ReactorPollers} (a reactor's registry and every-iteration set), {@code PollerImpl} (one state
 * word for pause, resume and cancel), the every-iteration {@code PollerSet} the loop walks, and the invoker that
 * build-time generated {@code @Poller} code implements.
 */
package io.quarkiverse.reactors.runtime.internal.pollers;
