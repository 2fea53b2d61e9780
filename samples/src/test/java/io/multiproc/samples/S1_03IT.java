package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** s1-03: info() in the main: its name, its parent pid and its own pid. */
class S1_03IT {
  @Test
  void info_inMain_namesMainProcessAndPids() {
    SampleRun.Output o = SampleRun.inThisJvm("s1-03");
    assertTrue(o.lines().get(0).contains("main process line"), o.stdout());
    o.line("process name: MainProcess");
    long ppid = ProcessHandle.current().parent().orElseThrow().pid();
    o.line("parent process: " + ppid);
    o.line("process id: " + ProcessHandle.current().pid());
  }
}
