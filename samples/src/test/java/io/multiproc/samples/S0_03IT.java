package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** s0-03: a Process subclass runs in a child whose parent is the main; both report times. */
class S0_03IT {
  @Test
  void subclass_runsInChild_withParentPid_andBothFinish() {
    SampleRun.Output o = SampleRun.inThisJvm("s0-03");
    long me = ProcessHandle.current().pid();
    assertEquals(me, o.numbers("当前进程（(\\d+)）").get(0));
    long child = o.numbers("开启进程：(\\d+)进行下载操作").get(0);
    assertNotEquals(me, child);
    assertEquals(child, o.numbers("子进程（(\\d+)）开始执行").get(0));
    assertEquals(me, o.numbers("父进程为（(\\d+)）").get(0));
    assertTrue(o.lineContaining("子进程（" + child + "）执行完毕，耗时(") >= 0, o.stdout());
    int last = o.lines().size() - 1;
    assertTrue(o.lines().get(last).startsWith("主进程（" + me + "）执行完毕，耗时("), o.stdout());
    assertTrue(o.lineContaining("执行完毕") < last, "the child finished before the parent");
  }
}
