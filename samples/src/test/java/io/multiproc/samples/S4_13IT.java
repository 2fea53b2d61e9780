package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** s4-13: without a lock the children's running/done lines overlap in time. */
class S4_13IT {
  @Test
  void noLock_runningAndDoneOfDifferentChildrenInterleave() {
    SampleRun.Output o = SampleRun.inThisJvm("s4-13");
    List<String[]> lines = RunningDone.parse(o);
    // one child started running while another was still in its two seconds
    assertTrue(lines.get(1)[1].equals("running"), o.stdout());
  }
}
