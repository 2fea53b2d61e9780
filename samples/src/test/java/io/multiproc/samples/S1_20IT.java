package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/** s1-20: every callback line shows the parent's pid: callbacks run in the parent. */
class S1_20IT {
  @Test
  void callback_runsInParent() {
    SampleRun.Output o = SampleRun.inThisJvm("s1-20");
    long parent = o.numbers("主进程: (\\d+)").get(0);
    assertEquals(ProcessHandle.current().pid(), parent);
    List<Long> values = o.numbers("(?m)^-->exec done: (\\d+) \\d+$");
    assertEquals(List.of(100L, 101L, 102L, 103L, 104L, 105L, 106L, 107L, 108L, 109L),
        values.stream().sorted().toList(), o.stdout());
    List<Long> callbackPids = o.numbers("(?m)^-->exec done: \\d+ (\\d+)$");
    assertEquals(10, callbackPids.size());
    callbackPids.forEach(p -> assertEquals(parent, p, o.stdout()));
    List<Long> workers = o.numbers("(?m)^in process (\\d+)$");
    assertEquals(10, workers.size(), o.stdout());
    assertFalse(workers.contains(parent), o.stdout());
  }
}
