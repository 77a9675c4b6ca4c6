/**
 * Operations: the watchdog that reports stalled reactors, the Micrometer meters, and the JSON of {@code /q/reactors}.
 */
package io.quarkiverse.reactors.runtime.internal.ops;
