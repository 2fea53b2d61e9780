package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** s0-01: parent and child print each other's pids, which match; fork's absence is said. */
class S0_01IT {
  @Test
  void forkTwin_pidsMatch_andForkAbsenceExplained() {
    SampleRun.Output o = SampleRun.inThisJvm("s0-01");
    long parent = o.numbers("Process \\((\\d+)\\) start\\.\\.\\.").get(0);
    assertEquals(ProcessHandle.current().pid(), parent);
    assertTrue(o.lineContaining("no os.fork()") >= 0, o.stdout());
    long child = o.numbers("子进程id是 \\((\\d+)\\)").get(0);
    assertEquals(child, o.numbers("我是子进程(\\d+),").get(0), "the child reports the pid the parent saw");
    assertEquals(parent, o.numbers("我的父进程是(\\d+) ").get(0), "the child reports its parent");
    assertNotEquals(parent, child);
  }
}
