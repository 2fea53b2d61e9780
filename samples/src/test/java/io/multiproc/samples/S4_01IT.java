package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** s4-01: four processes, each piaoing then piao end; the main goes on at once. */
class S4_01IT {
  @Test
  void fourTargets_pairsPrinted_mainNotBlocked() {
    SampleRun.Output o = SampleRun.inThisJvm("s4-01");
    int firstEnd = Pairs.assertPairs(o, List.of("egon", "alex", "wupeqi", "yuanhao"), " piaoing", " piao end", false);
    // the children sleep at least a second: the main, which did not wait, printed before any ended
    // (whether before their first lines too is a race, in CPython as well)
    assertTrue(o.line("主线程") < firstEnd, o.stdout());
    assertEquals(9, o.lines().size(), o.stdout());
  }
}
