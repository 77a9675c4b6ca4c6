/**
 * Offload: {@code ReactorOffloads} (a reactor's bound on pending tasks, and where they run), blocking tasks run
 * off the reactor ({@code OffloadPool} or the Vert.x worker pool), and {@code PendingOffload}, which settles each
 * task's {@code Uni} exactly once.
 */
package io.quarkiverse.reactors.runtime.internal.offload;
