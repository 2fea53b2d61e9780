package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** s1-13: two lines from the child, then the child prints the parent's message. */
class S1_13IT {
  @Test
  void bothDirections() {
    assertEquals(List.of("[42, None, 'hello from child1']", "[42, None, 'hello from child2']",
        "data from parent_conn"), SampleRun.inThisJvm("s1-13").lines());
  }
}
