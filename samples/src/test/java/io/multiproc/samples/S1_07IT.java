package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** s1-07: start() refuses a thread queue at once, naming its type; the parent stays usable. */
class S1_07IT {
  @Test
  void threadQueue_refusedInStart_namingType() {
    SampleRun.Output o = SampleRun.inThisJvm("s1-07");
    int refused = o.lineContaining("start() failed: cannot be sent to another process");
    assertEquals(0, refused, o.stdout());
    assertTrue(o.lines().get(0).contains("java.util.concurrent.LinkedBlockingQueue"), o.stdout());
    assertTrue(o.lines().get(0).contains("args[0]"), o.stdout());
    o.line("a process with nothing unsendable runs as usual");
  }
}
