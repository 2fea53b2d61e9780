package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** s4-22: all 30 eaten once before the producers returned; "主" last. */
class S4_22IT {
  @Test
  void joinableQueue_all30EatenBeforeProducersReturn_mainLast() {
    SampleRun.Output o = SampleRun.inThisJvm("s4-22");
    List<String> all = new ArrayList<>(Kitchen.items("包子", 10));
    all.addAll(Kitchen.items("骨头", 10));
    all.addAll(Kitchen.items("泔水", 10));
    Kitchen.assertAllEatenOnce(o, all);
    assertEquals("主", o.lines().get(o.lines().size() - 1), "every item was eaten before 主");
  }
}
