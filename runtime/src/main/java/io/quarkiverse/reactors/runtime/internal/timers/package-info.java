/**
 * The reactor's timers: {@code ReactorTimers} (the wheel and the every-iteration timers of one reactor), the
 * hashed {@code TimerWheel}, the entries it fires ({@code WheelEntry}) and the user's {@code TimerImpl}.
 * Everything here is owned by one reactor thread.
 */
package io.quarkiverse.reactors.runtime.internal.timers;
