package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** s4-14: under the Lock each "running" is followed at once by its own "done". */
class S4_14IT {
  @Test
  void lock_eachRunningFollowedByItsDone() {
    SampleRun.Output o = SampleRun.inThisJvm("s4-14");
    List<String[]> lines = RunningDone.parse(o);
    for (int i = 0; i < lines.size(); i += 2) {
      assertEquals("running", lines.get(i)[1], o.stdout());
      assertEquals("done", lines.get(i + 1)[1], o.stdout());
      assertEquals(lines.get(i)[0], lines.get(i + 1)[0], o.stdout());
    }
  }
}
