package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** s4-20: the main's None, sent after the producer ended, stops the consumer. */
class S4_20IT {
  @Test
  void sentinelFromMain_consumerStops() {
    SampleRun.Output o = SampleRun.inThisJvm("s4-20");
    Kitchen.assertAllEatenOnce(o, Kitchen.items("包子", 2));
    int main = o.line("主");
    assertTrue(o.lineContaining("生产了 包子1") < main, "the main joined the producer first");
  }
}
