package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** s4-08: a name set after the superclass constructor sticks; the pid is a real child pid. */
class S4_08IT {
  @Test
  void nameAfterSuper_isEgon_pidReal() {
    SampleRun.Output o = SampleRun.inThisJvm("s4-08");
    o.line("开始");
    // the child's first line may come between the parent's two
    long pid = Long.parseLong(o.lines().stream().filter(l -> l.matches("\\d+")).findFirst()
        .orElseThrow());
    assertNotEquals(ProcessHandle.current().pid(), pid);
    o.line("egon is piaoing");
    o.line("egon is piao end");
  }
}
