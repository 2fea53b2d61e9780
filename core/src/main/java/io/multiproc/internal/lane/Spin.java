package io.multiproc.internal.lane;

import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * INTERNAL API. A short busy wait before a thread blocks on a socket, for one reading site.
 *
 * <p>On a virtual machine a processor with nothing to run halts, and waking it again (a thread
 * blocked in a read whose bytes arrived) costs tens of microseconds: more than a whole round trip
 * between two JVMs that keep their processors busy. So a thread that expects an answer soon
 * polls for it a little while first, as long as {@link #MAX_NANOS}. Whether it expects one soon
 * comes from the waits before: after {@link #MISSES} waits in a row longer than
 * {@link #LONG_NANOS}, it spins only {@link #MIN_NANOS}, until a wait is short again. So a thread
 * that waits long every time (a consumer of a quiet queue) wastes almost nothing, while one that
 * now and then waits long (a slow answer) stays quick. A wait that blocked counts as short when
 * it was under {@link #LONG_NANOS}, well past the spin: waking a halted processor alone can take
 * longer than the spin, and two JVMs answering each other must not talk themselves into blocking
 * for good after a few slow answers (while the JIT compilers run, say). It never spins on a single
 * processor, where it could only hold up the thread it waits for.
 */
final class Spin {
  /** The longest busy wait, while answers come quickly. */
  static final long MAX_NANOS = 50_000;
  /** The busy wait after long waits. */
  static final long MIN_NANOS = 2_000;
  /** A wait longer than this is one that no spin would have shortened. */
  static final long LONG_NANOS = 500_000;
  /** Long waits in a row after which a thread spins only {@link #MIN_NANOS}. */
  static final int MISSES = 3;
  /** Looks between two yields of the processor. */
  private static final int YIELD_EVERY = 16;
  private static final boolean ON = Runtime.getRuntime().availableProcessors() > 1;

  private final LongSupplier clock;
  private final boolean on;
  // guarded by the caller: one reader at a time
  private int misses;
  private long started;

  Spin() {
    this(System::nanoTime, ON);
  }

  /** A spin that reads the time from {@code clock} (for tests). */
  Spin(LongSupplier clock, boolean on) {
    this.clock = clock;
    this.on = on;
  }

  /** How long the next wait spins at most, in nanoseconds. */
  long budget() {
    return misses >= MISSES ? MIN_NANOS : MAX_NANOS;
  }

  /**
   * Starts a wait: busy-waits until {@code ready} holds or the spin is over. Tell how the wait
   * ended with {@link #ended()}.
   *
   * @return whether {@code ready} held in time
   */
  boolean until(BooleanSupplier ready) {
    started = clock.getAsLong();
    if (!on) {
      return ready.getAsBoolean();
    }
    long budget = budget();
    int turns = 0;
    do {
      if (ready.getAsBoolean()) {
        return true;
      }
      if (++turns % YIELD_EVERY == 0) {
        Thread.yield(); // the thread this one waits for may be waiting for this processor
      } else {
        Thread.onSpinWait();
      }
    } while (clock.getAsLong() - started < budget);
    return false;
  }

  /** The wait begun by {@link #until} is over (what it waited for came, or it gave up). */
  void ended() {
    if (clock.getAsLong() - started <= LONG_NANOS) {
      misses = 0;
    } else if (misses < MISSES) {
      misses++;
    }
  }
}
