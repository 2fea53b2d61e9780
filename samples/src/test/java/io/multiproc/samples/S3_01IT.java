package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** s3-01: name, the child's parent pid (the main) and its own pid. */
class S3_01IT {
  @Test
  void foo_printsNameParentAndOwnPid() {
    SampleRun.Output o = SampleRun.inThisJvm("s3-01");
    long me = ProcessHandle.current().pid();
    o.line("parent process id：" + me);
    o.line("name: bob");
    o.line("parent process id: " + me);
    long child = o.numbers("sub process id: (\\d+)").get(0);
    assertNotEquals(me, child);
  }
}
