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
    // the child may print its first line before SIGTERM ends it: that line may come anywhere
    List<String> l = o.lines().stream().filter(x -> !x.equals("egon1 is piaoing")).toList();
    assertEquals(4, l.size(), o.stdout());
    assertTrue(l.get(0).equals("true") || l.get(0).equals("false"), o.stdout());
    assertEquals(List.of("开始", "false", "exitcode: -15"), l.subList(1, 4), o.stdout());
    assertFalse(o.stdout().contains("piao end"), "terminated before its sleep ended");
  }
}
