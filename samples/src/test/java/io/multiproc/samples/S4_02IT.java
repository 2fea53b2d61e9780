package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** s4-02: as s4-01, with a Process subclass. */
class S4_02IT {
  @Test
  void fourSubclasses_pairsPrinted_mainNotBlocked() {
    SampleRun.Output o = SampleRun.inThisJvm("s4-02");
    int firstEnd = Pairs.assertPairs(o, List.of("egon", "alex", "wupeiqi", "yuanhao"), " piaoing", " piao end", false);
    // the children sleep at least a second: the main, which did not wait, printed before any ended
    // (whether before their first lines too is a race, in CPython as well)
    assertTrue(o.line("主线程") < firstEnd, o.stdout());
    assertEquals(9, o.lines().size(), o.stdout());
  }
}
