package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** s4-24: 30, "server done", "主进程". */
class S4_24IT {
  @Test
  void adder_thirty_serverDone_main() {
    assertEquals(List.of("30", "server done", "主进程"), SampleRun.inThisJvm("s4-24").lines());
  }
}
