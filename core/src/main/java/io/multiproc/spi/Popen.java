package io.multiproc.spi;

import java.time.Duration;

/**
 * A started process as its {@link StartMethod} sees it, CPython's {@code Popen} objects. Its
 * methods may be called from any thread.
 */
public interface Popen {
  /** The OS pid of the process. */
  long pid();

  /** The exit code, or null while the process runs. */
  Integer poll();

  /**
   * Waits for the end of the process.
   *
   * @param timeout how long to wait; null waits for ever
   * @return the exit code, or null when the timeout passed first
   */
  Integer waitFor(Duration timeout) throws InterruptedException;

  /** Asks the process to end (SIGTERM); its exit code becomes -15. */
  void terminate();

  /** Ends the process at once (SIGKILL); its exit code becomes -9. */
  void kill();

  /** Frees what the popen holds; called once the process ended. */
  default void close() {}
}
