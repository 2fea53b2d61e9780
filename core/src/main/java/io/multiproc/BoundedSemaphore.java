package io.multiproc;

/**
 * A semaphore that refuses to be released more often than acquired, the twin of CPython's
 * {@code multiprocessing.BoundedSemaphore}: its value never exceeds the initial one.
 *
 * <p>Only a process that <em>dies</em> (killed, crashed) gives back what it held, and that is
 * logged; a process that ends normally keeps it, as under CPython: its permits stay taken until some process releases them.
 */
public final class BoundedSemaphore extends Semaphore {
  private static final long serialVersionUID = 1L;

  /** A bounded semaphore with one permit. */
  public BoundedSemaphore() {
    this(1);
  }

  /**
   * A bounded semaphore with {@code value} permits, never more.
   *
   * @throws IllegalArgumentException when {@code value} is negative
   */
  public BoundedSemaphore(int value) {
    super(value, value, "BoundedSemaphore");
  }

  /**
   * Gives a permit back.
   *
   * @throws IllegalStateException when all permits are free already ("semaphore or lock released
   *     too many times")
   */
  @Override
  public void release() {
    super.release();
  }
}
