package io.multiproc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Telling of a process's end by its pid: a real process, really killed. */
class PidWatchTest {

  @Test
  void killedProcess_actionRuns() throws Exception {
    Process sleeper = new ProcessBuilder("sleep", "60").start();
    try {
      CountDownLatch ended = new CountDownLatch(2);
      assertTrue(PidWatch.onExit(sleeper.pid(), ended::countDown));
      assertTrue(PidWatch.onExit(sleeper.pid(), ended::countDown), "a second watcher is kept too");
      assertEquals(2, ended.getCount(), "nothing runs while the process lives");
      sleeper.destroyForcibly().waitFor();
      assertTrue(ended.await(30, TimeUnit.SECONDS), "both actions ran once the process ended");
    } finally {
      sleeper.destroyForcibly();
    }
  }

  @Test
  void processEndedBeforeTheWatch_actionRunsAnyway() throws Exception {
    Process done = new ProcessBuilder("true").start();
    done.waitFor();
    CountDownLatch ended = new CountDownLatch(1);
    assertTrue(PidWatch.onExit(done.pid(), ended::countDown));
    assertTrue(ended.await(30, TimeUnit.SECONDS));
  }

  @Test
  void thisJvm_isNotWatched() {
    assertFalse(PidWatch.onExit(ProcessHandle.current().pid(), () -> { }));
    assertFalse(PidWatch.onExit(ProcessRuntime.registry(), () -> { }),
        "a reference to this JVM's own registry names no other process");
  }
}
