package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** s4-19: the producer's None stops the consumer after the ten. */
class S4_19IT {
  @Test
  void sentinelFromProducer_consumerStopsAfterTen() {
    SampleRun.Output o = SampleRun.inThisJvm("s4-19");
    Kitchen.assertAllEatenOnce(o, Kitchen.items("包子", 10));
    o.line("主");
  }
}
