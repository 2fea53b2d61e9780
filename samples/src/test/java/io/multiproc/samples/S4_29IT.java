package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/** s4-29: applyAsync ×10, close, join, get: 0 … 81 in order, after the workers' lines. */
class S4_29IT {
  @Test
  void applyAsync_getAfterJoin_squaresInOrder() {
    SampleRun.Output o = SampleRun.inThisJvm("s4-29");
    List<String> lines = o.lines();
    assertEquals(20, lines.size(), o.stdout());
    assertEquals(List.of("0", "1", "4", "9", "16", "25", "36", "49", "64", "81"),
        lines.subList(10, 20));
    List<Long> pids = o.numbers("(?m)^(\\d+) run$");
    assertEquals(10, pids.size(), o.stdout());
    assertFalse(pids.contains(ProcessHandle.current().pid()));
  }
}
