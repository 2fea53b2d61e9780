package io.multiproc.internal.lane;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * INTERNAL API. Threads taking turns at reading one lane: whoever waits for a message reads the
 * socket itself while no other thread does, and hands every message it reads to whoever it
 * belongs to; the others wait for their message or for their turn. So a message wakes the thread
 * that waits for it, not a reader thread that would then have to wake it.
 */
final class ReadTurns {
  /** How long a waiting thread sleeps at most before it looks again whether it may read. */
  private static final long RECHECK_NANOS = 1_000_000;

  private final ReentrantLock reading = new ReentrantLock();
  private final Queue<Thread> waiting = new ConcurrentLinkedQueue<>();

  /**
   * One try: when no other thread reads, runs {@code step} (one read and what follows) while
   * {@code more} holds; else waits a moment for {@code mine} or for the turn. The caller loops.
   */
  void take(CompletableFuture<?> mine, BooleanSupplier more, Runnable step) {
    if (reading.tryLock()) {
      try {
        while (more.getAsBoolean()) {
          step.run();
        }
      } finally {
        release();
      }
      return;
    }
    Thread me = Thread.currentThread();
    waiting.add(me);
    try {
      if (!mine.isDone() && reading.isLocked()) {
        LockSupport.parkNanos(this, RECHECK_NANOS);
      }
    } finally {
      waiting.remove(me);
    }
  }

  /** Takes the turn, waiting for it as long as it takes (for a lane's own reading thread). */
  void acquire() {
    reading.lock();
  }

  /** Gives the turn up and wakes a thread waiting for it. */
  void release() {
    reading.unlock();
    Thread next = waiting.peek();
    if (next != null) {
      LockSupport.unpark(next);
    }
  }
}
