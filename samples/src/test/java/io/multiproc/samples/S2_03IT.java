package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** s2-03: at most 4 tasks at once; task 4 starts once one of 0-3 ended; "done" last. */
class S2_03IT {
  @Test
  void pool4_fifthTaskWaitsForAFreeWorker() {
    SampleRun.Output o = SampleRun.inThisJvm("s2-03");
    List<String> lines = o.lines();
    long parent = o.numbers("Parent process (\\d+)\\.").get(0);
    assertEquals(0, o.line("Parent process " + parent + "."));
    assertEquals(1, o.line("Waiting for all subprocesses done..."), o.stdout());
    assertEquals("All subprocesses done.", lines.get(lines.size() - 1));
    for (int i = 0; i < 5; i++) {
      int run = o.lineContaining("Run task " + i + " (");
      int runs = o.lineContaining("Task " + i + " runs ");
      assertTrue(run > 0 && runs > run, "task " + i + ":\n" + o.stdout());
    }
    List<Long> pids = o.numbers("Run task \\d \\((\\d+)\\)\\.\\.\\.");
    assertEquals(5, pids.size());
    assertFalse(pids.contains(parent));
    Timeline t = Timeline.of(o.stdout());
    assertEquals(5, t.spans().size(), o.stdout());
    assertTrue(t.maxOverlap() <= 4, o.stdout());
    // tasks go out in order, so when task 4 starts 0-3 have started; only 4 workers: one ended
    long firstEnd = t.spans().subList(0, 4).stream().mapToLong(Timeline.Span::end).min()
        .orElseThrow();
    assertTrue(t.task(4).start() >= firstEnd, o.stdout());
  }

  // EXAMPLES.md: tasks 0-3 start at once. Pool(4) returns once its 4 workers asked for work, so the first
  // 4 tasks go to 4 idle workers, whatever was warm when the pool started.
  @Test
  void firstTasks_runOnDistinctWorkers() {
    SampleRun.Output o = SampleRun.inThisJvm("s2-03");
    Timeline t = Timeline.of(o.stdout());
    assertEquals(4, t.spans().subList(0, 4).stream().map(Timeline.Span::pid).distinct()
        .count(), o.stdout());
  }
}
