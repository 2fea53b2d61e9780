package io.multiproc.internal.queue;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * INTERNAL API. Puts the leading parts of big items together (over Artery, whose frames are
 * smaller than an item may be); owned by one transport connection.
 */
final class Parts {
  private final Map<Long, ByteArrayOutputStream> pending = new HashMap<>();

  /** Keeps a leading part of item {@code id}. */
  void add(long id, byte[] bytes) {
    pending.computeIfAbsent(id, k -> new ByteArrayOutputStream()).write(bytes, 0, bytes.length);
  }

  /** The put of {@code id} with its whole item, when leading parts came before it. */
  QueueProtocol.Put complete(QueueProtocol.Put last) {
    ByteArrayOutputStream leading = pending.remove(last.id());
    if (leading == null) {
      return last;
    }
    leading.write(last.item(), 0, last.item().length);
    return new QueueProtocol.Put(last.id(), leading.toByteArray(), last.block(), last.timeoutMs(),
        last.replyTo(), last.jvm());
  }
}
