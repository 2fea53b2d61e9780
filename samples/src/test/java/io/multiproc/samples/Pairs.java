package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/** Checks of the piaoing / piao end samples (seed 004). */
final class Pairs {
  private Pairs() {}

  /**
   * Each name prints its start line before its end line, once each; with {@code concurrent}, also
   * every start before the first end (the children ran at the same time).
   *
   * @return the index of the first end line
   */
  static int assertPairs(SampleRun.Output o, List<String> names, String start, String end,
      boolean concurrent) {
    int firstEnd = Integer.MAX_VALUE;
    int lastStart = -1;
    for (String n : names) {
      int s = o.line(n + start);
      int e = o.line(n + end);
      assertTrue(s < e, n + ": start before end\n" + o.stdout());
      firstEnd = Math.min(firstEnd, e);
      lastStart = Math.max(lastStart, s);
    }
    if (concurrent) {
      assertTrue(lastStart < firstEnd, "all started before any ended\n" + o.stdout());
    }
    return firstEnd;
  }
}
