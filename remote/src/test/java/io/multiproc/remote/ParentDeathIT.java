package io.multiproc.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiproc.Multiprocessing;
import io.multiproc.Process;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A daemon child whose parent JVM is killed with SIGKILL ends by itself; a non-daemon one goes on
 * (an orphan, as under CPython) until its work is done.
 */
class ParentDeathIT {
  @TempDir
  Path dir;

  /** The middle process: starts a grandchild and then waits to be killed. */
  static void middle(String pidFile, Boolean daemonGrandchild) throws Exception {
    Process g = new Process(ParentDeathIT::grandchild, pidFile);
    g.setDaemon(daemonGrandchild);
    g.start();
    Thread.sleep(Long.MAX_VALUE);
  }

  static void grandchild(String pidFile) throws Exception {
    Path tmp = Path.of(pidFile + ".tmp");
    Files.writeString(tmp, Long.toString(ProcessHandle.current().pid()));
    Files.move(tmp, Path.of(pidFile));
    Thread.sleep(Long.MAX_VALUE);
  }

  @Test
  void daemonGrandchild_endsWhenItsParentIsKilled() throws Exception {
    Path pidFile = dir.resolve("grandchild.pid");
    Process middle = Multiprocessing.getContext("spawn")
        .process(ParentDeathIT::middle, pidFile.toString(), true);
    middle.start();
    long grandchild = awaitPid(pidFile, middle);
    ProcessHandle g = ProcessHandle.of(grandchild).orElseThrow();
    try {
      middle.kill(); // SIGKILL: the middle JVM gets no chance to end its children
      middle.join();
      assertEquals(-9, middle.exitcode());
      // bounded wait: the daemon must notice by itself (its stdin closes with the dead parent)
      g.onExit().get(30, TimeUnit.SECONDS);
      assertFalse(g.isAlive());
    } finally {
      g.destroyForcibly();
    }
  }

  @Test
  void nonDaemonGrandchild_survivesItsKilledParent() throws Exception {
    Path pidFile = dir.resolve("orphan.pid");
    Process middle = Multiprocessing.getContext("spawn")
        .process(ParentDeathIT::middle, pidFile.toString(), false);
    middle.start();
    long orphan = awaitPid(pidFile, middle);
    Optional<ProcessHandle> o = ProcessHandle.of(orphan);
    try {
      middle.kill();
      middle.join();
      // the orphan's parent is gone; it is still running its (endless) work
      assertTrue(o.isPresent() && o.get().isAlive(), "a non-daemon child outlives its parent");
      assertTrue(o.get().parent().map(p -> p.pid() != middle.pid()).orElse(true));
    } finally {
      o.ifPresent(ProcessHandle::destroyForcibly);
      if (o.isPresent()) {
        o.get().onExit().get(30, TimeUnit.SECONDS);
      }
    }
  }

  private static long awaitPid(Path pidFile, Process middle) throws Exception {
    for (int i = 0; i < 12_000 && !Files.exists(pidFile); i++) {
      assertTrue(middle.isAlive(), "the middle process died early: " + middle.exitcode());
      middle.join(Duration.ofMillis(10));
    }
    return Long.parseLong(Files.readString(pidFile));
  }
}
