package io.multiproc;

import java.time.Duration;

/**
 * What is acquired and released: {@link Lock}, {@link RLock}, {@link Semaphore},
 * {@link BoundedSemaphore} and {@link Condition}. Python's {@code with lock:} is
 * {@code try (var held = lock.hold()) { … }}.
 */
public interface Acquirable {
  /** A held acquisition: closing it releases, so try-with-resources gives Python's {@code with}. */
  @FunctionalInterface
  interface Held extends AutoCloseable {
    /** Releases what {@link #hold()} acquired. */
    @Override
    void close();
  }

  /**
   * Acquires, waiting as long as it takes; returns true, as CPython's {@code acquire()}.
   *
   * @throws ProcessError when the primitive's process is gone or the wait is interrupted
   */
  default boolean acquire() {
    return acquire(true, null);
  }

  /**
   * Acquires; waits if {@code block}, at most {@code timeout} (null: no limit).
   *
   * @return false when it could not be acquired in time (at once, without {@code block})
   * @throws IllegalArgumentException when {@code timeout} is negative
   * @throws ProcessError when the primitive's process is gone or the wait is interrupted
   */
  boolean acquire(boolean block, Duration timeout);

  /**
   * Releases.
   *
   * @throws IllegalStateException when this may not release it now (see each primitive)
   */
  void release();

  /**
   * Acquires, waiting as long as it takes, and returns what releases it on close:
   * {@code try (var held = lock.hold()) { … }} is Python's {@code with lock: …}.
   */
  default Held hold() {
    acquire();
    return this::release;
  }
}
