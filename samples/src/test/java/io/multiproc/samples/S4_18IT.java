package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** s4-18: ten produced, ten eaten once; the bounded demo says so. */
class S4_18IT {
  @Test
  void tenProducedTenEaten_boundSaid() {
    SampleRun.Output o = SampleRun.inThisJvm("s4-18");
    Kitchen.assertAllEatenOnce(o, Kitchen.items("包子", 10));
    assertEquals("主", o.lines().get(0), "the main did not wait");
    assertTrue(o.lines().get(o.lines().size() - 1).contains("loops for ever"), o.stdout());
  }
}
