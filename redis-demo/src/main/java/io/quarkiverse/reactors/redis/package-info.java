/**
 * A Redis-protocol (RESP2) cache on reactors: each reactor owns the keys of one contiguous range of the 16384
 * Redis Cluster hash slots in a plain {@code HashMap}, serves its own cluster port as one Redis Cluster master,
 * and shares a plain port whose commands hop to the owner of their keys. {@link io.quarkiverse.reactors.redis.RedisServer}
 * starts it; the rest of the package is internal to the demo.
 */
package io.quarkiverse.reactors.redis;
