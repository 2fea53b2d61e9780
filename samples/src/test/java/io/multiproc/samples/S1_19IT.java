package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** s1-19: "end" first, then ten tasks, never more than the pool's 5 at once. */
class S1_19IT {
  @Test
  void applyAsync_endFirst_thenTasksInWavesOfFive() {
    SampleRun.Output o = SampleRun.inThisJvm("s1-19");
    assertEquals(0, o.line("end"), o.stdout());
    List<Long> pids = o.numbers("(?m)^in process (\\d+)$");
    assertEquals(10, pids.size(), o.stdout());
    Set<Long> distinct = new HashSet<>(pids);
    assertTrue(distinct.size() <= 5, "more pids than the pool's 5: " + distinct);
    assertFalse(distinct.contains(ProcessHandle.current().pid()), "a task ran in the parent");
    // the in-process lines come before join returns, the timeline after it
    for (int i = 1; i <= 10; i++) {
      assertTrue(o.lines().get(i).startsWith("in process "), o.stdout());
    }
    Timeline t = Timeline.of(o.stdout());
    assertEquals(10, t.spans().size(), o.stdout());
    // waves of 5: the pool never runs more than 5 at once, so each task beyond the fifth to
    // start waited for one to end
    assertTrue(t.maxOverlap() <= 5, o.stdout());
    List<Timeline.Span> byStart = t.spans().stream()
        .sorted(java.util.Comparator.comparingLong(Timeline.Span::start)).toList();
    List<Long> ends = t.spans().stream().map(Timeline.Span::end).sorted().toList();
    for (int k = 5; k < 10; k++) {
      assertTrue(byStart.get(k).start() >= ends.get(k - 5),
          "the " + (k + 1) + "th task started before " + (k - 4) + " had ended:\n" + o.stdout());
    }
    for (Timeline.Span s : t.spans()) {
      assertTrue(distinct.contains(s.pid()), o.stdout());
    }
  }

  // EXAMPLES.md: the first wave of 5. Pool(5) returns once its 5 workers asked for work, so the first
  // 5 tasks go to 5 idle workers, whatever was warm when the pool started.
  @Test
  void firstTasks_runOnDistinctWorkers() {
    SampleRun.Output o = SampleRun.inThisJvm("s1-19");
    Timeline t = Timeline.of(o.stdout());
    assertEquals(5, t.spans().subList(0, 5).stream().map(Timeline.Span::pid).distinct()
        .count(), o.stdout());
  }
}
