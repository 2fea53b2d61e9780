package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** s1-02: ten processes, each with a thread printing its id. */
class S1_02IT {
  @Test
  void tenProcesses_tenThreadIds() {
    SampleRun.Output o = SampleRun.inThisJvm("s1-02");
    assertEquals(10, o.lines().stream().filter(l -> l.matches("heelo bob\\d")).distinct().count(), o.stdout());
    assertEquals(10, o.lines().stream().filter(l -> l.matches("\\d+")).count(), o.stdout());
    assertEquals(20, o.lines().size(), o.stdout());
  }
}
