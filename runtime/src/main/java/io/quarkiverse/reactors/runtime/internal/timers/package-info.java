/**
 * The reactor's timers: the hashed {@code TimerWheel}, the entries it fires ({@code WheelEntry}) and the user's
 * {@code TimerImpl}. Everything here is owned by one reactor thread.
 */
package io.quarkiverse.reactors.runtime.internal.timers;
