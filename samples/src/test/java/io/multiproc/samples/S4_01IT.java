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
    Pairs.assertPairs(o, "主线程", List.of("egon", "alex", "wupeqi", "yuanhao"), " piaoing", " piao end", false);
  }
}
