/**
 * {@code @PerCore} beans: the CDI context that gives each reactor thread its own instance, and the instances of
 * one reactor.
 */
package io.quarkiverse.reactors.runtime.internal.percore;
