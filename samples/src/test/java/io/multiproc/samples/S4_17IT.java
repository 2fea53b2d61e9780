package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** s4-17: True, 3, 3, 3, True. */
class S4_17IT {
  @Test
  void boundedQueue_fullThenEmpty() {
    assertEquals(List.of("True", "3", "3", "3", "True"), SampleRun.inThisJvm("s4-17").lines());
  }
}
