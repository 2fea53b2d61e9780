package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** s4-09: the ended child is reaped with its exit code kept; the orphan reports its new parent. */
class S4_09IT {
  @Test
  void zombieReaped_orphanAdoptedByAnotherParent() {
    SampleRun.Output o = SampleRun.inThisJvm("s4-09");
    long me = ProcessHandle.current().pid();
    o.line("主 " + me);
    long child = o.numbers("子 (\\d+)").get(0);
    assertTrue(o.lineContaining("/proc/" + child + " exists: false; its exit code is kept: 0") > 0, o.stdout());
    long father = o.numbers("im father pid (\\d+) ppid").get(0);
    assertEquals(me, o.numbers("im father pid \\d+ ppid (\\d+)").get(0));
    o.line("father died..");
    long orphan = o.numbers("im child (\\d+) \\d+").get(0);
    long adopter = o.numbers("im child \\d+ (\\d+)").get(0);
    assertNotEquals(father, adopter, "the orphan's parent changed");
    assertNotEquals(father, orphan);
    o.line("the orphan's parent " + father + " had died; it was adopted by " + adopter);
    assertFalse(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false),
        "the sample waited for its orphan");
  }
}
