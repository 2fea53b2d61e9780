package io.multiproc.internal.transport;

import java.util.concurrent.CompletableFuture;

/**
 * INTERNAL API. The other JVM at the far end of an accepted lane, as the {@link Receiver}s of this
 * JVM see it: the owner of what it asked for (it ends with the lane, and each receiver it reached
 * hears of that once through {@link Receiver#peerGone}), and a connection that a thread of this
 * JVM waiting for something only that peer sends may read itself.
 */
public interface Peer {
  /**
   * Reads the lane until {@code reply} is complete (or the calling thread is interrupted), so the
   * frame it waits for wakes it directly; returns false when the lane has ended.
   */
  boolean readFor(CompletableFuture<?> reply);
}
