package io.multiproc.internal.wire;

import io.multiproc.PicklingError;

/**
 * INTERNAL API. Turns user payloads (process objects, targets, arguments, items, results) into
 * bytes and back, the twin of CPython's {@code reduction}. One codec serves the whole program so
 * that a handle (a Queue, a Lock) travels the same way whether it is an argument or an item.
 */
public interface Reducer {
  /**
   * Encodes {@code value}.
   *
   * @throws PicklingError naming the type and its place when something in the graph cannot be sent
   */
  byte[] dumps(Object value);

  /** Decodes what {@link #dumps} produced in any JVM of this program. */
  Object loads(byte[] bytes);

  /** The program's codec. */
  static Reducer get() {
    return JavaReducer.INSTANCE;
  }
}
