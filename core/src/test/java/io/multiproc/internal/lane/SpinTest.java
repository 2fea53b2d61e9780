package io.multiproc.internal.lane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** How the spin before a blocking read adapts to the waits before it (on a clock of the test's). */
class SpinTest {
  private final AtomicLong now = new AtomicLong();
  /** Each look at the clock moves it on by a microsecond: a spin ends after its budget. */
  private final Spin spin = new Spin(() -> now.addAndGet(1_000), true);

  /** A wait that lasted {@code nanos} in all (spin and blocking read). */
  private void waitOf(long nanos) {
    spin.until(() -> false);
    now.addAndGet(nanos);
    spin.ended();
  }

  @Test
  void readyAtOnce_returnsTrue_withoutSpinning() {
    AtomicInteger looks = new AtomicInteger();
    assertTrue(spin.until(() -> looks.incrementAndGet() > 0));
    assertEquals(1, looks.get());
  }

  @Test
  void notReady_spinsItsBudget_thenGivesUp() {
    AtomicInteger looks = new AtomicInteger();
    assertFalse(spin.until(() -> looks.incrementAndGet() < 0));
    assertEquals(Spin.MAX_NANOS / 1_000, looks.get(), "one look per microsecond of the budget");
  }

  @Test
  void longWaitsInARow_shortenTheSpin_aShortWaitRestoresIt() {
    assertEquals(Spin.MAX_NANOS, spin.budget());
    for (int i = 0; i < Spin.MISSES - 1; i++) {
      waitOf(Spin.LONG_NANOS * 2);
      assertEquals(Spin.MAX_NANOS, spin.budget(), "a few slow answers keep the spin");
    }
    waitOf(Spin.LONG_NANOS * 2);
    assertEquals(Spin.MIN_NANOS, spin.budget());
    waitOf(Spin.LONG_NANOS / 2); // blocked, but came soon: spinning pays again
    assertEquals(Spin.MAX_NANOS, spin.budget());
  }

  @Test
  void waitsThatBlockedBriefly_countAsShort() {
    for (int i = 0; i < 10 * Spin.MISSES; i++) {
      waitOf(Spin.MAX_NANOS * 3); // past the spin, as a wake-up of a halted processor takes
    }
    assertEquals(Spin.MAX_NANOS, spin.budget());
  }

  @Test
  void singleProcessor_neverSpins() {
    Spin off = new Spin(() -> now.addAndGet(1_000), false);
    AtomicInteger looks = new AtomicInteger();
    assertFalse(off.until(() -> looks.incrementAndGet() < 0));
    assertEquals(1, looks.get());
  }
}
