package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

/** Checks of the "PID is running" / "PID is done" samples (s4-13, s4-14). */
final class RunningDone {
  private RunningDone() {}

  /** The lines, checked to be three pids each running once, then done once. */
  static List<String[]> parse(SampleRun.Output o) {
    List<String[]> out = new ArrayList<>();
    for (String l : o.lines()) {
      String[] w = l.split(" is ");
      assertEquals(2, w.length, o.stdout());
      assertTrue(w[0].matches("\\d+") && (w[1].equals("running") || w[1].equals("done")),
          o.stdout());
      out.add(w);
    }
    assertEquals(6, out.size(), o.stdout());
    assertEquals(3, out.stream().map(w -> w[0]).distinct().count(), o.stdout());
    for (String pid : out.stream().map(w -> w[0]).distinct().toList()) {
      assertTrue(o.line(pid + " is running") < o.line(pid + " is done"), o.stdout());
      assertTrue(Long.parseLong(pid) != ProcessHandle.current().pid(), "a child's pid");
    }
    return out;
  }
}
