package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** s1-17: apply blocks: each task starts after the previous ended; workers from the pool. */
class S1_17IT {
  @Test
  void apply_runsTasksOneAfterAnother() {
    SampleRun.Output o = SampleRun.inThisJvm("s1-17");
    List<Long> pids = o.numbers("(?m)^in process (\\d+)$");
    assertEquals(10, pids.size(), o.stdout());
    Set<Long> distinct = new HashSet<>(pids);
    assertTrue(distinct.size() <= 5, "more pids than the pool's 5: " + distinct);
    assertTrue(!distinct.contains(ProcessHandle.current().pid()), "a task ran in the parent");
    Timeline t = Timeline.of(o.stdout());
    assertEquals(10, t.spans().size(), o.stdout());
    for (int i = 1; i < 10; i++) {
      assertTrue(t.task(i).start() >= t.task(i - 1).end(),
          "task " + i + " began before task " + (i - 1) + " ended:\n" + o.stdout());
    }
    assertEquals(1, t.maxOverlap());
    for (Timeline.Span s : t.spans()) {
      assertTrue(distinct.contains(s.pid()), o.stdout());
    }
    // "end" is printed once every task ended (a worker's line reaches this JVM's stdout through
    // a pump, in no fixed order with the results, so the order is checked on the clock)
    long end = o.numbers("(?m)^end: \\+(\\d+) ms$").get(0);
    for (Timeline.Span s : t.spans()) {
      assertTrue(s.end() <= end, "task " + s.task() + " ended after 'end':\n" + o.stdout());
    }
    assertTrue(o.line("end") < o.lineContaining("task 0: pid"), o.stdout());
  }
}
