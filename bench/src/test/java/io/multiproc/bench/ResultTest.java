package io.multiproc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResultTest {
  private static final Scenario TIME = new BenchTest.Fixed("start.warm", "ms", false, 2.0);
  private static final Scenario RATE = new BenchTest.Fixed("queue.throughput", "items/s", true,
      450_000);

  @Test
  void time_speedupIsCpythonOverMultiproc() {
    Result r = Result.of(TIME, 2.0, 6.0);
    assertEquals(3.0, r.speedup(), 1e-9);
    assertEquals("RESULT start.warm multiproc=2.000 ms cpython=6.000 ms speedup=3.00", r.line());
  }

  @Test
  void time_slowerThanCpython_speedupBelowOne() {
    Result r = Result.of(TIME, 8.0, 2.0);
    assertEquals(0.25, r.speedup(), 1e-9);
    assertTrue(r.line().endsWith("speedup=0.25"), r.line());
  }

  @Test
  void rate_speedupIsMultiprocOverCpython() {
    Result r = Result.of(RATE, 450_000, 150_000);
    assertEquals(3.0, r.speedup(), 1e-9);
    assertEquals("RESULT queue.throughput multiproc=450000.000 items/s"
        + " cpython=150000.000 items/s speedup=3.00", r.line());
  }

  @Test
  void rate_lowerThanCpython_speedupBelowOne() {
    Result r = Result.of(RATE, 100_000, 400_000);
    assertEquals(0.25, r.speedup(), 1e-9);
  }

  @Test
  void skippedCpython_saysWhy_noSpeedup() {
    Result r = Result.withoutCpython(new BenchTest.Fixed("start.cold", "ms", false, 90), 90,
        "skipped (python3 not found)");
    assertTrue(Double.isNaN(r.speedup()));
    assertEquals("RESULT start.cold multiproc=90.000 ms cpython=skipped (python3 not found)",
        r.line());
  }

  @Test
  void median_oddAndEven() {
    assertEquals(2.0, Stats.median(new double[] {3, 1, 2}), 1e-9);
    assertEquals(2.5, Stats.median(new double[] {4, 1, 2, 3}), 1e-9);
  }
}
