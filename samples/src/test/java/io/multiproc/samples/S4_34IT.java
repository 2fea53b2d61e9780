package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** s4-34: results gathered after join are the squares in order. */
class S4_34IT {
  @Test
  void gatherAfterJoin_squares() {
    SampleRun.Output o = SampleRun.inThisJvm("s4-34");
    assertEquals(List.of("[0, 1, 4, 9, 16, 25, 36, 49, 64, 81]"), o.lines(), o.stdout());
  }
}
