package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** s4-28: apply ×10 on a pool of 3: the squares, from at most 3 worker pids. */
class S4_28IT {
  @Test
  void apply_squaresFromThreeWorkers() {
    SampleRun.Output o = SampleRun.inThisJvm("s4-28");
    o.line("[0, 1, 4, 9, 16, 25, 36, 49, 64, 81]");
    List<Long> pids = o.numbers("(?m)^(\\d+) run$");
    assertEquals(10, pids.size(), o.stdout());
    Set<Long> distinct = new HashSet<>(pids);
    assertTrue(distinct.size() <= 3, "more than the pool's 3 workers: " + distinct);
    assertFalse(distinct.contains(ProcessHandle.current().pid()));
  }
}
