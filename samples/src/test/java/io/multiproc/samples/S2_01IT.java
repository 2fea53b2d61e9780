package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** s2-01: as s0-01, with English prints. */
class S2_01IT {
  @Test
  void forkTwin_pidsMatch_andForkAbsenceExplained() {
    SampleRun.Output o = SampleRun.inThisJvm("s2-01");
    long parent = o.numbers("Process \\((\\d+)\\) start\\.\\.\\.").get(0);
    assertEquals(ProcessHandle.current().pid(), parent);
    assertTrue(o.lineContaining("no os.fork()") >= 0, o.stdout());
    long child = o.numbers("just created a child process \\((\\d+)\\)").get(0);
    assertEquals(child, o.numbers("I am child process \\((\\d+)\\)").get(0));
    assertEquals(parent, o.numbers("and my parent is (\\d+)\\.").get(0));
    assertNotEquals(parent, child);
  }
}
