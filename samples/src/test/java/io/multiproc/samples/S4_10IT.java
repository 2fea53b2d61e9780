package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** s4-10: the pid is still readable after join. */
class S4_10IT {
  @Test
  void pidAfterJoin_readable() {
    SampleRun.Output o = SampleRun.inThisJvm("s4-10");
    long running = o.numbers("(\\d+) is running").get(0);
    assertEquals(List.of(running + " is running", Long.toString(running), "主"), o.lines());
  }
}
