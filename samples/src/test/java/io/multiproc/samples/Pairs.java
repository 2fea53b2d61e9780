package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/** Checks of the piaoing / piao end samples (seed 004). */
final class Pairs {
  private Pairs() {}

  /**
   * Each name prints its start line before its end line, once each; {@code mainLine} comes before
   * every end line (the main did not wait: the children sleep at least a second, while which of
   * the main's line and the children's first lines comes first is a race, in CPython too); with
   * {@code concurrent}, also every start before the first end (the children ran at the same time).
   */
  static void assertPairs(SampleRun.Output o, String mainLine, List<String> names, String start,
      String end, boolean concurrent) {
    assertPairs(o, mainLine, names, start, end, concurrent, 0);
  }

  static void assertPairs(SampleRun.Output o, String mainLine, List<String> names, String start,
      String end, boolean concurrent, int extraLines) {
    int main = o.line(mainLine);
    int firstEnd = Integer.MAX_VALUE;
    int lastStart = -1;
    for (String n : names) {
      int s = o.line(n + start);
      int e = o.line(n + end);
      assertTrue(s < e, n + ": start before end\n" + o.stdout());
      assertTrue(main < e, "the main printed before " + n + " ended\n" + o.stdout());
      firstEnd = Math.min(firstEnd, e);
      lastStart = Math.max(lastStart, s);
    }
    if (concurrent) {
      assertTrue(lastStart < firstEnd, "all started before any ended\n" + o.stdout());
    }
    assertEquals(2 * names.size() + 1 + extraLines, o.lines().size(), o.stdout());
  }
}
