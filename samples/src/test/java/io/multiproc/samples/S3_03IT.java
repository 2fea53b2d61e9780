package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** s3-03: a named Process subclass prints its name and a child pid. */
class S3_03IT {
  @Test
  void namedSubclass_printsNameAndChildPid() {
    SampleRun.Output o = SampleRun.inThisJvm("s3-03");
    long me = ProcessHandle.current().pid();
    o.line("parent process: " + me);
    o.line("name: bob");
    assertNotEquals(me, o.numbers("sub process: (\\d+)").get(0));
  }
}
