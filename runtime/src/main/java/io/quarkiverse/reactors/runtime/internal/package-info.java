/**
 * Implementation of the reactors: the per-core event queue and its drain, calls and their replies,
 * the group of all reactors. Nothing here is API; applications use {@code io.quarkiverse.reactors}.
 */
package io.quarkiverse.reactors.runtime.internal;
