package io.multiproc.spi;

/**
 * How a process gets started: the seam of CPython's context and popen modules.
 * Implementations are found with {@link java.util.ServiceLoader}; {@code multiproc-core} brings
 * {@code thread}, {@code multiproc-remote} brings {@code spawn} and {@code forkserver}. An
 * implementation needs a public no-argument constructor and is named in
 * {@code META-INF/services/io.multiproc.spi.StartMethod}.
 */
public interface StartMethod {
  /** The name users pick it by: "spawn", "forkserver", "thread". */
  String name();

  /** Which method "auto" chooses: the highest preference present wins. */
  int preference();

  /**
   * Starts the process described by {@code request} and returns at once.
   *
   * @throws io.multiproc.ProcessError when no process could be launched
   */
  Popen launch(LaunchRequest request);

  /**
   * Prepares the method so that the next starts are fast (for forkserver: boots the spare JVMs)
   * and completes once it is ready. Methods with nothing to prepare complete at once.
   */
  default java.util.concurrent.CompletableFuture<Void> warmUp() {
    return java.util.concurrent.CompletableFuture.completedFuture(null);
  }

  /** Ends what the method keeps running (spare JVMs); called once when this JVM exits. */
  default void shutdown() {}
}
