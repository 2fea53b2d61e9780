package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** s1-01: ten processes print once each and run at the same time. */
class S1_01IT {
  @Test
  void tenProcesses_eachPrintsOnce_allAliveAtOnce() {
    SampleRun.Output o = SampleRun.inThisJvm("s1-01");
    Set<String> heelo = o.lines().stream().filter(l -> l.startsWith("heelo ")).collect(Collectors.toSet());
    assertEquals(Set.of("heelo bob0", "heelo bob1", "heelo bob2", "heelo bob3", "heelo bob4",
        "heelo bob5", "heelo bob6", "heelo bob7", "heelo bob8", "heelo bob9"), heelo);
    assertEquals(10, o.lines().stream().filter(l -> l.startsWith("heelo ")).count(), o.stdout());
    // all ten were alive at one moment: they sleep concurrently, not one after another
    assertEquals(0, o.line("alive at once: 10"));
    assertTrue(o.lines().get(o.lines().size() - 1).startsWith("10 processes of 2 s each took"));
  }
}
