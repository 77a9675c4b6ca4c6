/**
 * Channel watches: {@code WatchImpl} and the claims that keep one watch per channel and interest, and the routes
 * that register channels with a selector: the event loop's own ({@code LoopSelectorRoute}) or a shared one
 * ({@code WatchSelector}) for transports whose loop has no NIO selector.
 */
package io.quarkiverse.reactors.runtime.internal.watch;
