package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** s1-06: the child cannot see the parent's queue: it fails with a clear error; no hang. */
class S1_06IT {
  @Test
  void globalQueue_notShared_childFailsClearly_parentGoesOn() {
    SampleRun.Output o = SampleRun.inThisJvm("s1-06");
    o.line("nothing arrived: the child's q is not the parent's q");
    o.line("child exit code: 1");
    assertTrue(o.stderr().contains("Process Process-"), o.stderr());
    assertTrue(o.stderr().contains("NullPointerException"), o.stderr());
    assertTrue(o.stderr().contains("\"io.multiproc.samples.S1_06.q\" is null"), o.stderr());
  }
}
