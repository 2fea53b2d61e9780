package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** s4-05: join(0.0001) returns at once: "开始" comes before the child ends. */
class S4_05IT {
  @Test
  void tinyJoinTimeout_mainGoesOnBeforeChildEnds() {
    SampleRun.Output o = SampleRun.inThisJvm("s4-05");
    assertTrue(o.line("开始") < o.line("egon is piao end"), o.stdout());
    o.line("egon is piaoing");
  }
}
