package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** s0-04: 10 tasks run on the pool's 4 workers, none the parent; the last line after join. */
class S0_04IT {
  @Test
  void pool4_tenTasks_runOnItsFourWorkers() {
    SampleRun.Output o = SampleRun.inThisJvm("s0-04");
    long parent = o.numbers("父进程 \\((\\d+)\\)开始执行").get(0);
    assertEquals(ProcessHandle.current().pid(), parent);
    Matcher w = Pattern.compile("进程池的 4 条进程: \\[(.*)]").matcher(o.stdout());
    assertTrue(w.find(), o.stdout());
    Set<Long> workers = new HashSet<>();
    for (String pid : w.group(1).split(", ")) {
      workers.add(Long.parseLong(pid));
    }
    assertEquals(4, workers.size(), o.stdout());
    assertFalse(workers.contains(parent));
    List<Long> taskIds = o.numbers("执行的任务是 \\((\\d+)\\)");
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L),
        taskIds.stream().sorted().toList(), o.stdout());
    // which of the 4 takes which task depends on who asks first: each pid is one of the 4
    Set<Long> ran = new HashSet<>(o.numbers("子进程 \\((\\d+)\\)执行的任务是"));
    assertTrue(workers.containsAll(ran), ran + " not all in " + workers);
    List<String> lines = o.lines();
    assertEquals("所有子进程结束.....", lines.get(lines.size() - 1));
    assertEquals(1 + 1 + 10 + 1, lines.size(), o.stdout());
  }
}
