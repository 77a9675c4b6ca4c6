/**
 * Zero-hop ingress: the published key map ({@link io.quarkiverse.reactors.runtime.internal.ingress.KeyMap}) that
 * {@code forKey}/{@code ownerOf} and outside clients share, and the shard ports that serve the application's HTTP
 * routes on one reactor per port ({@link io.quarkiverse.reactors.runtime.internal.ingress.ShardPorts}).
 */
package io.quarkiverse.reactors.runtime.internal.ingress;
