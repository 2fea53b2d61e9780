package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** s4-11: the daemon ends with the main code: "piao end" never printed, no JVM left. */
class S4_11IT {
  @Test
  void daemon_endsWithMain_neverFinishes() {
    SampleRun.Output o = SampleRun.inOwnJvm("s4-11", Duration.ofMinutes(2));
    assertEquals(0, o.exitCode(), o.stderr());
    o.line("主");
    assertFalse(o.stdout().contains("piao end"), o.stdout());
    // the daemon may live too briefly for the sampling of children to see it; those seen are gone
    o.assertChildrenEnded();
  }
}
