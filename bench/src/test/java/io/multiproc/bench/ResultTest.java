package io.multiproc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTest {
  @Test
  void time_speedupIsCpythonOverMultiproc() {
    Result r = new Result("start.warm", "ms", false, 2.0, 6.0, null);
    assertEquals(3.0, r.speedup(), 1e-9);
    assertEquals("RESULT start.warm multiproc=2.000 ms cpython=6.000 ms speedup=3.00", r.line());
  }

  @Test
  void rate_speedupIsMultiprocOverCpython() {
    Result r = new Result("queue.throughput", "items/s", true, 450_000, 150_000.0, null);
    assertEquals(3.0, r.speedup(), 1e-9);
    assertTrue(r.line().endsWith("speedup=3.00"), r.line());
  }

  @Test
  void skippedCpython_saysWhy() {
    Result r = new Result("start.cold", "ms", false, 90, null, "python3 not found");
    assertTrue(Double.isNaN(r.speedup()));
    assertEquals("RESULT start.cold multiproc=90.000 ms cpython=skipped (python3 not found)",
        r.line());
  }

  @Test
  void missingInterpreter_isNotFound() {
    assertTrue(CPython.find("/nonexistent/python3").isEmpty());
  }

  @Test
  void scenarioNames_allByDefault_unknownRefusedWithTheList() {
    var all = Bench.scenarios();
    assertEquals(List.of("start.cold", "start.warm", "start.parallel10", "queue.throughput",
        "pipe.rtt", "queue.large"), List.copyOf(all.keySet()));
    assertEquals(6, Bench.choose(all, List.of()).size());
    assertEquals("start.warm", Bench.choose(all, List.of("start.warm")).get(0).name());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Bench.choose(all, List.of("start.fork")));
    assertTrue(e.getMessage().contains("start.cold, start.warm, start.parallel10, queue."),
        e.getMessage());
  }

  @Test
  void median_oddAndEven() {
    assertEquals(2.0, Stats.median(new double[] {3, 1, 2}), 1e-9);
    assertEquals(2.5, Stats.median(new double[] {4, 1, 2, 3}), 1e-9);
  }
}
