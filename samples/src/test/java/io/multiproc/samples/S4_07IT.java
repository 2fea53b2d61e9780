package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** s4-07: right after terminate() the process may still be alive; after join it is not: -15. */
class S4_07IT {
  @Test
  void terminate_aliveMaybe_thenDead_exitcodeMinus15() {
    SampleRun.Output o = SampleRun.inThisJvm("s4-07");
    List<String> l = o.lines();
    assertTrue(l.get(0).equals("true") || l.get(0).equals("false"), o.stdout());
    int start = o.line("开始");
    assertEquals("false", l.get(start + 1));
    assertEquals("exitcode: -15", l.get(start + 2));
    assertFalse(o.stdout().contains("piao end"), "terminated before its sleep ended");
  }
}
