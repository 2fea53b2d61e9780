package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** s4-23: 0..9 received, then EOF ends the consumer; "主进程" last. */
class S4_23IT {
  @Test
  void closedUnusedEnds_zeroToNineThenEof() {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      expected.add("c1 收到包子:" + i);
    }
    expected.add("主进程");
    assertEquals(expected, SampleRun.inThisJvm("s4-23").lines());
  }
}
