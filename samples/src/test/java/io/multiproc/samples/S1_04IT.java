package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** s1-04: the child's parent is the main, and its process name differs from the main's. */
class S1_04IT {
  @Test
  void info_inChild_parentIsMain_nameDiffers() {
    SampleRun.Output o = SampleRun.inThisJvm("s1-04");
    long me = ProcessHandle.current().pid();
    List<Long> parents = o.numbers("parent process: (\\d+)");
    List<Long> pids = o.numbers("process id: (\\d+)");
    assertEquals(2, pids.size(), o.stdout());
    assertEquals(me, pids.get(0));
    assertEquals(me, parents.get(1), "the child's parent is the main process");
    assertNotEquals(me, pids.get(1));
    o.line("process name: MainProcess");
    assertTrue(o.lines().stream().anyMatch(l -> l.matches("process name: Process-\\d+")), o.stdout());
    assertTrue(o.lineContaining("called from child process function f") > 0);
    o.line("hello bob");
  }
}
