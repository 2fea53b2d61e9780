package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** s4-12: the daemon p1 ends with the main code; the non-daemon p2 runs to its end. */
class S4_12IT {
  @Test
  void daemonEndsWithMain_nonDaemonFinishes() {
    SampleRun.Output o = SampleRun.inOwnJvm("s4-12", Duration.ofMinutes(2));
    assertEquals(0, o.exitCode(), o.stderr());
    assertTrue(o.line("main-------") < o.line("end456"), o.stdout());
    o.line("456");
    assertFalse(o.stdout().contains("end123"), o.stdout());
    o.assertChildrenEnded();
  }
}
