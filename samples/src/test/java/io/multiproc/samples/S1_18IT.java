package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** s1-18: close() without join(): only "end", the program exits, no worker JVM outlives it. */
class S1_18IT {
  @Test
  void closeWithoutJoin_mainExits_pendingDropped_noOrphan() {
    SampleRun.Output o = SampleRun.inOwnJvm("s1-18", Duration.ofMinutes(2));
    assertEquals(0, o.exitCode(), o.stderr());
    assertEquals(List.of("end"), o.lines(), o.stdout());
    o.assertChildrenEnded();
  }
}
