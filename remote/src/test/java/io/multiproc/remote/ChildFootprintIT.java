package io.multiproc.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiproc.Multiprocessing;
import io.multiproc.Process;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Child JVMs are light: a child with its ActorSystem up stays under ~100 MB resident, and 100 of
 * them live at once on this 2-core machine.
 */
class ChildFootprintIT {
  @TempDir
  Path dir;

  static void checkIn(String dir, Integer n) throws Exception {
    // as a child using a Queue or a Lock would: its ActorSystem is up and remoting is bound
    io.multiproc.internal.ProcessRuntime.system();
    Files.writeString(Path.of(dir, "alive-" + n), "");
    Path go = Path.of(dir, "go");
    while (!Files.exists(go)) {
      Thread.sleep(20); // waits for the condition the test sets once all 100 checked in
    }
  }

  @Test
  void hundredChildren_aliveAtOnce_thenAllEnd_eachUnder100MbResident() throws Exception {
    List<Process> children = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      Process p = Multiprocessing.getContext("spawn").process(ChildFootprintIT::checkIn,
          dir.toString(), i);
      p.setDaemon(true);
      children.add(p);
    }
    try {
      children.forEach(Process::start);
      while (countAlive() < 100) {
        for (Process p : children) {
          assertTrue(p.isAlive(), p + " ended before all checked in");
        }
        children.get(0).join(java.time.Duration.ofMillis(100));
      }
      long maxRss = 0;
      for (Process p : children) {
        maxRss = Math.max(maxRss, residentKb(p.pid()));
      }
      Files.writeString(dir.resolve("go"), "");
      for (Process p : children) {
        p.join();
        assertEquals(0, p.exitcode());
      }
      assertTrue(maxRss < 100 * 1024, "a child resident set of " + maxRss + " kB");
    } finally {
      for (Process p : children) {
        if (p.pid() != null && p.isAlive()) {
          p.kill();
          p.join();
        }
      }
    }
  }

  private long countAlive() throws Exception {
    try (var files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith("alive-")).count();
    }
  }

  private static long residentKb(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    throw new AssertionError("no VmRSS for " + pid);
  }
}
