/**
 * Benchmarks: every figure of ours is measured beside its baseline (plain Vert.x, Agrona, locks) in the
 * same run, and reported with the ratio. Entry point: {@link io.quarkiverse.reactors.benchmarks.Bench}.
 */
package io.quarkiverse.reactors.benchmarks;
