package io.multiproc;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;

/**
 * The base of the suites that run once per start method (as CPython runs its tests per method):
 * the method under test, its context, and no child left running after any test.
 */
public abstract class StartMethodContract {
  /** The start method under test: "thread", "spawn" or "forkserver". */
  protected abstract String startMethod();

  protected Context ctx() {
    return Multiprocessing.getContext(startMethod());
  }

  protected boolean threads() {
    return startMethod().equals("thread");
  }

  @AfterEach
  void noChildLeft() {
    for (Process p : Multiprocessing.activeChildren()) {
      p.kill();
      p.join(Duration.ofSeconds(30));
    }
    if (!Multiprocessing.activeChildren().isEmpty()) {
      throw new AssertionError("a child outlived its test: " + Multiprocessing.activeChildren());
    }
  }
}
