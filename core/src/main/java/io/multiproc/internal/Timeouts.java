package io.multiproc.internal;

import java.time.Duration;

/**
 * INTERNAL API. The one check every blocking call with a timeout makes of it: null means no limit,
 * zero or more is a limit, and a negative timeout is refused (CPython's queues raise {@code
 * ValueError} there; multiproc refuses it the same way in every primitive, rather than reading it
 * as "do not wait" in some and "time ran out" in others).
 */
public final class Timeouts {
  private Timeouts() {}

  /**
   * Returns {@code timeout} (null: no limit) when it is zero or more.
   *
   * @throws IllegalArgumentException when it is negative
   */
  public static Duration check(Duration timeout) {
    if (timeout != null && timeout.isNegative()) {
      throw new IllegalArgumentException("a timeout must be zero or more (or null for no limit),"
          + " not " + timeout);
    }
    return timeout;
  }

  /**
   * What is left of {@code timeout} since {@code start} (System.nanoTime), never below zero;
   * without {@code block}, or for no limit (null), {@code timeout} itself.
   */
  public static Duration remaining(boolean block, Duration timeout, long start) {
    if (!block || timeout == null) {
      return timeout;
    }
    Duration left = timeout.minusNanos(System.nanoTime() - start);
    return left.isNegative() ? Duration.ZERO : left;
  }
}
