package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** s1-10: two sent, one received: one line, and the program ends. */
class S1_10IT {
  @Test
  void twoSentOneReceived_oneLine_programEnds() {
    assertEquals(List.of("[42, None, 'hello from child1']"), SampleRun.inThisJvm("s1-10").lines());
  }
}
