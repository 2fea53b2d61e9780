package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** s4-03: the child changes its own copy of n; the parent's n stays 100. */
class S4_03IT {
  @Test
  void globalN_childZero_parentHundred() {
    SampleRun.Output o = SampleRun.inThisJvm("s4-03");
    assertEquals(List.of("子进程内:  0", "主进程内:  100"), o.lines());
  }
}
