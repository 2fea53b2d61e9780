package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** s1-11: two sent, two received. */
class S1_11IT {
  @Test
  void twoSentTwoReceived() {
    assertEquals(List.of("[42, None, 'hello from child1']", "[42, None, 'hello from child2']"),
        SampleRun.inThisJvm("s1-11").lines());
  }
}
