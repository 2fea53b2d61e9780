package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** s0-02: what EXAMPLES.md says the port must show. */
class S0_02IT {

  @Test
  void s0_02_startJoin_printsInOrderFromAnotherPid() {
    SampleRun.Output o = SampleRun.inThisJvm("s0-02");
    List<String> lines = o.lines();
    assertEquals(4, lines.size(), o.stdout());
    long parent = o.numbers("Parent process (\\d+)\\.").get(0);
    assertEquals("Child process will start.", lines.get(1));
    long child = o.numbers("Run child process test \\((\\d+)\\)\\.\\.\\.").get(0);
    assertEquals("Child process end.", lines.get(3));
    assertNotEquals(parent, child);
    assertEquals(ProcessHandle.current().pid(), parent);
    assertTrue(lines.get(2).startsWith("Run child process test ("), o.stdout());
  }
}
