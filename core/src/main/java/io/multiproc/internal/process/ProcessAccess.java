package io.multiproc.internal.process;

import io.multiproc.Process;
import io.multiproc.spi.Popen;

/**
 * INTERNAL API. Lets the start methods (which live outside {@code io.multiproc}) run a process
 * object the way a child must, and the process package keep its children, without making that
 * a public method of {@link Process}.
 */
public final class ProcessAccess {
  /** What {@link Process} opens to the runtime. */
  public interface Hooks {
    /** Runs {@code p} in the calling thread as its process; returns its exit code. */
    int bootstrap(Process p);

    /**
     * What CPython does for a process at exit: terminates its daemonic children and joins the
     * others. Runners that call several programs' mains in one JVM call it after each.
     */
    void finishChildren(Process p);

    /** The process the calling thread runs in (the main process made if none was yet). */
    Process currentProcess();

    /** How {@code p} was launched: null before it was started. */
    Popen popen(Process p);

    /** Whether {@code p} was closed. */
    boolean closed(Process p);
  }

  private static volatile Hooks hooks;

  private ProcessAccess() {}

  /** Called once, by Process's static initialiser. */
  public static void install(Hooks h) {
    hooks = h;
  }

  /** The hooks; initialises {@link Process} if nothing did yet. */
  public static Hooks get() {
    if (hooks == null) {
      try {
        Class.forName(Process.class.getName(), true, Process.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    return hooks;
  }
}
