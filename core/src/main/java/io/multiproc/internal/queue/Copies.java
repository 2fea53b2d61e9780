package io.multiproc.internal.queue;

import io.multiproc.internal.transport.Peer;
import java.util.HashMap;
import java.util.Map;

/**
 * INTERNAL API. The open copies of the two connections of a pipe end's {@link QueueState}: the
 * one that writes into it and the one that reads from it, each copy with its owner (null until
 * claimed, or a copy of this JVM). As file descriptors do, the end reaches end-of-stream once no
 * writer copy is open, and refuses puts once no reader copy is. Guarded by the state's lock.
 */
final class Copies {
  private final Map<Long, Object> writers = new HashMap<>();
  private final Map<Long, Object> readers = new HashMap<>();

  /** The first copy of each connection, unclaimed. */
  Copies(long firstWriter, long firstReader) {
    writers.put(firstWriter, null);
    readers.put(firstReader, null);
  }

  private Map<Long, Object> of(boolean reads) {
    return reads ? readers : writers;
  }

  /** A new copy {@code copy} of the reading (or writing) connection is open. */
  void attach(boolean reads, long copy) {
    of(reads).put(copy, null);
  }

  /** Copy {@code copy} belongs to {@code owner} now (it closes when that owner dies). */
  void claim(boolean reads, long copy, Object owner) {
    Map<Long, Object> copies = of(reads);
    if (copies.containsKey(copy)) { // an unclaimed copy's owner is null
      copies.put(copy, owner);
    }
  }

  /** Copy {@code copy} is closed. */
  void detach(boolean reads, long copy) {
    of(reads).remove(copy);
  }

  /** {@code owner} died: its copies of one connection close; true when it had any. */
  boolean drop(boolean reads, Object owner) {
    return of(reads).values().removeIf(owner::equals);
  }

  /** Whether no copy of the writing connection is open. */
  boolean noWriter() {
    return writers.isEmpty();
  }

  /** Whether no copy of the reading connection is open. */
  boolean noReader() {
    return readers.isEmpty();
  }

  /**
   * The connection every open writer copy belongs to, when there is exactly one such; else null
   * (a copy in this JVM or not yet claimed, several writers, none).
   */
  Peer soleFeeder() {
    Object first = null;
    for (Object owner : writers.values()) {
      if (!(owner instanceof Peer) || (first != null && first != owner)) {
        return null;
      }
      first = owner;
    }
    return (Peer) first;
  }
}
