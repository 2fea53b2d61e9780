package io.multiproc;

import io.multiproc.internal.ProcessRuntime;
import io.multiproc.internal.process.Processes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The module-level functions of CPython's {@code multiprocessing}: the current and parent process,
 * the live children, the CPU count and the choice of start method.
 */
public final class Multiprocessing {
  private static final Map<String, Context> CONTEXTS = new ConcurrentHashMap<>();
  private static volatile String chosen;

  private Multiprocessing() {}

  /**
   * The process the caller runs in: {@code MainProcess} in the program's first JVM, the process
   * object itself in a child.
   */
  public static Process currentProcess() {
    Process p = Processes.current();
    if (p != null) {
      return p;
    }
    return Processes.installMain(() -> new Process("MainProcess", new int[0], 0));
  }

  /** The parent of the current process, or null in the main process. */
  public static Process parentProcess() {
    Process threadParent = Processes.threadParent();
    if (threadParent != null) {
      return threadParent;
    }
    Processes.ParentInfo info = Processes.parent();
    return info == null ? null : new ParentProcess(info);
  }

  /** The children of the current process that are still alive; ended ones are reaped on the way. */
  public static List<Process> activeChildren() {
    List<Process> alive = new ArrayList<>();
    for (Process c : currentProcess().children().all()) {
      if (c.isAlive()) {
        alive.add(c);
      } else {
        c.join(java.time.Duration.ZERO);
      }
    }
    return alive;
  }

  /** The number of CPUs this JVM may use. */
  public static int cpuCount() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** The context of the program's start method (see {@link #setStartMethod}). */
  public static Context getContext() {
    return getContext(getStartMethod());
  }

  /**
   * The context of start method {@code name}: "spawn", "forkserver" or "thread".
   *
   * @throws IllegalArgumentException for a method not on the classpath; the message lists those that are
   */
  public static Context getContext(String name) {
    return CONTEXTS.computeIfAbsent(name, Context::of);
  }

  /**
   * Chooses the program's start method, once, before processes are made.
   *
   * @throws IllegalStateException when one was chosen already; use {@link #setStartMethod(String,
   *     boolean)} with force to change it
   */
  public static void setStartMethod(String name) {
    setStartMethod(name, false);
  }

  /** Chooses the program's start method; with {@code force}, even when one was chosen already. */
  public static synchronized void setStartMethod(String name, boolean force) {
    if (chosen != null && !force) {
      throw new IllegalStateException("the start method was set already (" + chosen
          + "); pass force=true to change it");
    }
    getContext(name); // validates the name
    chosen = name;
  }

  /** The name of the program's start method. */
  public static String getStartMethod() {
    String c = chosen;
    return c != null ? c : ProcessRuntime.defaultStartMethodName();
  }

  /** The start methods available on this classpath, the default first. */
  public static List<String> getAllStartMethods() {
    return ProcessRuntime.startMethodNames();
  }
}
