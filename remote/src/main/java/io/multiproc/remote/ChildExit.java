package io.multiproc.remote;

import java.time.Duration;

/**
 * INTERNAL API. How a child JVM ends, so that its exit code means what CPython's does: the exit
 * report carries the code of a normal end; a SIGTERM ends the JVM at once, reported as -15, as the
 * signal ends a CPython child (its non-daemon children are not waited for, they live on as
 * orphans); a {@code System.exit(n)} in user code is reported as n, even when n looks like a
 * signal's status (143); only a signal the JVM cannot catch (SIGKILL) is judged by the OS status.
 *
 * <p>The user's shutdown hooks run when the process ends normally or calls System.exit, for at
 * most {@code multiproc.child.shutdown-hooks-timeout}; then the JVM halts whatever they do.
 */
final class ChildExit {
  private static volatile boolean reporting; // the parent pumps our output and reads the reports
  private static volatile boolean reported;
  private static volatile Duration hooksBound = Duration.ofSeconds(5);

  private ChildExit() {}

  /** Makes a SIGTERM end this JVM at once with status 143, reported as -15. */
  static void onSigterm() {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal("TERM"), s -> {
        report(-15);
        ChildMain.halt(128 + 15);
      });
    } catch (IllegalArgumentException | LinkageError e) {
      // -Xrs or no jdk.unsupported: the JVM's own handling stays (status 143, reported -15)
    }
  }

  /**
   * From now on reports go out when {@code pump}; a System.exit in user code is reported as
   * "the OS status", and the JVM halts {@code bound} after it began to exit.
   */
  static void watchSystemExit(boolean pump, Duration bound) {
    reporting = pump;
    hooksBound = bound;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      boolean byUser = !reported;
      report(ExitReport.OS_STATUS); // no-op after the normal end's report
      if (byUser) {
        haltAfter(hooksBound, 1); // System.exit's own status wins unless the hooks hang
      }
    }, "multiproc-child-exit"));
  }

  /** Writes the exit report once, on both streams, after the process's last output. */
  static synchronized void report(int code) {
    if (reported) {
      return;
    }
    reported = true;
    if (reporting) {
      ExitReport.write(System.out, code);
      ExitReport.write(System.err, code);
    }
  }

  /** Exits with {@code code}, giving the shutdown hooks at most the configured time. */
  static void exit(int code) {
    haltAfter(hooksBound, code);
    System.out.flush();
    System.err.flush();
    System.exit(code);
  }

  private static void haltAfter(Duration bound, int code) {
    Thread watchdog = new Thread(() -> {
      try {
        Thread.sleep(bound.toMillis()); // the bound itself, not a synchronisation
      } catch (InterruptedException e) {
        // halts now
      }
      ChildMain.halt(code);
    }, "multiproc-hooks-bound");
    watchdog.setDaemon(true);
    watchdog.start();
  }
}
