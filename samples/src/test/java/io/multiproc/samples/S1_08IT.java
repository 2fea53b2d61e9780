package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** s1-08: the list the child put arrives in the parent. */
class S1_08IT {
  @Test
  void queuePassedToChild_parentGetsTheList() {
    assertEquals(List.of("[42, None, 'heelo']"), SampleRun.inThisJvm("s1-08").lines());
  }
}
