package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** s3-05: name, pid, alive, exit code after kill, close only once ended. */
class S3_05IT {
  @Test
  void members_nameDemo_pidReal_killMinus9_closeAfterEnd() {
    SampleRun.Output o = SampleRun.inThisJvm("s3-05");
    // the child prints its x (1) when it gets to run before the kill, anywhere among these lines
    List<String> l = o.lines().stream().filter(x -> !x.equals("1")).toList();
    assertEquals("demo", l.get(0));
    long pid = Long.parseLong(l.get(1));
    assertNotEquals(ProcessHandle.current().pid(), pid);
    assertEquals("true", l.get(2));
    if (l.get(3).equals("null")) { // read before the end was seen, as Python's None
      assertTrue(l.get(4).startsWith("close() refused: cannot close a process while it is still running"), o.stdout());
    } else {
      assertEquals("-9", l.get(3));
      assertEquals("closed", l.get(4));
    }
    assertEquals("-9", l.get(5));
    assertEquals("closed after join", l.get(6));
  }
}
