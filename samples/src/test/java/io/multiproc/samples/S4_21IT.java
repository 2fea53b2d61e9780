package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** s4-21: three producers, two consumers, two Nones: all six eaten once. */
class S4_21IT {
  @Test
  void threeProducersTwoConsumers_allSixEatenOnce() {
    SampleRun.Output o = SampleRun.inThisJvm("s4-21");
    List<String> all = new ArrayList<>(Kitchen.items("包子", 2));
    all.addAll(Kitchen.items("骨头", 2));
    all.addAll(Kitchen.items("泔水", 2));
    Kitchen.assertAllEatenOnce(o, all);
    int main = o.line("主");
    for (String item : all) {
      assertTrue(o.lineContaining("生产了 " + item) < main, "produced before the Nones: " + item);
    }
  }
}
