package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** s2-06: A, B, C put and got once each, in order. */
class S2_06IT {
  @Test
  void writerReader_abcInOrder() {
    SampleRun.Output o = SampleRun.inThisJvm("s2-06");
    assertEquals(List.of("Put A to queue...", "Put B to queue...", "Put C to queue..."),
        o.lines().stream().filter(l -> l.startsWith("Put ")).toList());
    assertEquals(List.of("Get A from queue.", "Get B from queue.", "Get C from queue."),
        o.lines().stream().filter(l -> l.startsWith("Get ")).toList());
  }
}
