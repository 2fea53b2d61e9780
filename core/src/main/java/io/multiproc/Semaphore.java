package io.multiproc;

import io.multiproc.internal.Timeouts;
import io.multiproc.internal.sync.PermitState;
import io.multiproc.internal.sync.Permits;
import java.io.Serializable;
import java.time.Duration;

/**
 * A counting semaphore shared by processes, the twin of CPython's
 * {@code multiprocessing.Semaphore}: {@code acquire} takes one of its permits, waiting while none
 * is free; {@code release} gives one back, and any process may release.
 *
 * <p>Waiters are served first come, first served. A process that dies holding permits releases
 * them, and the release is logged with its name and pid.
 *
 * <p>Only a process that <em>dies</em> (killed, crashed) gives back what it held, and that is
 * logged; a process that ends normally keeps it, as under CPython: its permits stay taken until some process releases them (a semaphore is a counter).
 */
public class Semaphore implements Acquirable, Serializable {
  private static final long serialVersionUID = 1L;

  private final Permits permits;

  /** A semaphore with one permit. */
  public Semaphore() {
    this(1);
  }

  /**
   * A semaphore with {@code value} permits.
   *
   * @throws IllegalArgumentException when {@code value} is negative
   * @throws ProcessError when this process cannot start its ActorSystem
   */
  public Semaphore(int value) {
    this(value, -1, "Semaphore");
  }

  Semaphore(int value, int max, String kind) {
    if (value < 0) {
      throw new IllegalArgumentException("semaphore initial value must be >= 0, not " + value);
    }
    this.permits = new Permits(kind, value, max);
  }

  /**
   * Takes a permit; waits if {@code block}, at most {@code timeout} (null: no limit).
   *
   * @return false when no permit was free in time
   * @throws IllegalArgumentException when {@code timeout} is negative
   * @throws ProcessError when the semaphore's process is gone or the wait is interrupted
   */
  @Override
  public boolean acquire(boolean block, Duration timeout) {
    return permits.acquire(block, Timeouts.check(timeout));
  }

  /**
   * Gives a permit back; the first waiter takes it.
   *
   * @throws IllegalStateException for a BoundedSemaphore released more often than acquired
   */
  @Override
  public void release() {
    permits.release();
  }

  /** The number of free permits now (others may change it at once), as {@code get_value()}. */
  public int getValue() {
    return snapshot().value();
  }

  PermitState.Snapshot snapshot() {
    return permits.snapshot();
  }

  @Override
  public String toString() {
    return "<" + getClass().getSimpleName() + ">";
  }
}
