package io.multiproc.internal.queue;

import io.multiproc.internal.ProcessRuntime;

/**
 * INTERNAL API. How much one handle may send to a pipe end without waiting for the end's answer:
 * a quarter of {@code multiproc.pipe.buffer}, or 256 messages. The send after that waits until
 * the end has room (and learns whether anyone can still receive), so a sender to a slow or
 * vanished reader holds at most this much of its own memory in flight, and the end at most its
 * buffer plus one window per sender.
 */
final class SendWindow {
  private static final int MESSAGES = 256;

  private final long maxBytes;
  private long bytes; // guarded by this
  private int messages; // guarded by this

  SendWindow() {
    this.maxBytes = Math.max(1, ProcessRuntime.settings().pipeBuffer() / 4);
  }

  /** Counts a message of {@code size} bytes in, unless it would overflow the window. */
  synchronized boolean fits(int size) {
    if (messages >= MESSAGES || bytes + size > maxBytes) {
      return false;
    }
    messages++;
    bytes += size;
    return true;
  }

  /** The end answered a send: everything sent before it arrived there. */
  synchronized void reset() {
    bytes = 0;
    messages = 0;
  }
}
