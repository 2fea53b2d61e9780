package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** s1-09: the parent prints the child's message. */
class S1_09IT {
  @Test
  void childSends_parentPrints() {
    assertEquals(List.of("[42, None, 'hello from child1']"), SampleRun.inThisJvm("s1-09").lines());
  }
}
