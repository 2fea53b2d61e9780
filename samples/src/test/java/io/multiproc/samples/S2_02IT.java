package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** s2-02: the four lines in order, the child from another pid. */
class S2_02IT {
  @Test
  void startJoin_printsInOrderFromAnotherPid() {
    SampleRun.Output o = SampleRun.inThisJvm("s2-02");
    List<String> lines = o.lines();
    assertEquals(4, lines.size(), o.stdout());
    assertEquals("Parent process " + ProcessHandle.current().pid() + ".", lines.get(0));
    assertEquals("Child process will start.", lines.get(1));
    long child = o.numbers("Run child process test \\((\\d+)\\)\\.\\.\\.").get(0);
    assertEquals(2, o.lineContaining("Run child process test ("));
    assertEquals("Child process end.", lines.get(3));
    assertNotEquals(ProcessHandle.current().pid(), child);
  }
}
