package io.multiproc;

import java.io.Serializable;

/**
 * The small unbounded queue of CPython's {@code SimpleQueue}: put, get, empty, close. The same
 * mailbox as {@link Queue}, with the same guarantees.
 *
 * @param <T> the type of the items
 */
public class SimpleQueue<T> implements Serializable {
  private static final long serialVersionUID = 1L;
  private final Queue<T> queue = new Queue<>();

  /** Puts {@code item}. */
  public void put(T item) {
    queue.put(item);
  }

  /** Takes the head item, waiting for one as long as it takes. */
  public T get() {
    return queue.get();
  }

  /** Whether the queue is empty now. */
  public boolean empty() {
    return queue.empty();
  }

  /** Says this process will use the queue no more. */
  public void close() {
    queue.close();
  }
}
