package io.multiproc.bench;

import io.multiproc.Multiprocessing;
import io.multiproc.internal.ProcessRuntime;
import io.multiproc.internal.process.ProcessAccess;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The side-by-side benchmark: every scenario runs for multiproc and, in the same run, for CPython's
 * multiprocessing, and one RESULT line per scenario goes to stdout.
 *
 * <pre>
 * java -jar bench/target/multiproc-bench.jar                       # every scenario
 * java -jar bench/target/multiproc-bench.jar start.warm start.cold # some
 * java -Dbench.python=/usr/bin/python3.11 -jar …                   # another interpreter
 * </pre>
 *
 * <p>Exit status 0 when every scenario ran on both sides, 1 when one failed (or its CPython twin
 * did), 64 for an unknown scenario name. No child JVM outlives the bench.
 */
public final class Bench {
  /** Exit status for a bad command line (sysexits' EX_USAGE). */
  static final int USAGE = 64;
  /** How long the child JVMs may take to end once the bench is done, before they are killed. */
  private static final long CHILDREN_GRACE_MS = 30_000;

  private Bench() {}

  /** Every scenario, in the order a run without names runs them. */
  static Map<String, Scenario> scenarios() {
    Map<String, Scenario> all = new LinkedHashMap<>();
    for (Scenario s : StartScenarios.all()) {
      all.put(s.name(), s);
    }
    for (Scenario s : MessagingScenarios.all()) {
      all.put(s.name(), s);
    }
    for (Scenario s : SyncScenarios.all()) {
      all.put(s.name(), s);
    }
    for (Scenario s : PoolScenarios.all()) {
      all.put(s.name(), s);
    }
    return all;
  }

  /** Runs the named scenarios (all without names), then ends every child JVM, then exits. */
  public static void main(String[] args) {
    int status;
    try {
      status = run(List.of(args), scenarios(), System.getProperty("bench.python", "python3"),
          System.out, System.err);
    } finally {
      endChildren(System.err);
    }
    System.exit(status);
  }

  /**
   * Runs {@code names} out of {@code all} (every one when empty) with the interpreter
   * {@code python}, RESULT lines to {@code out}, the rest to {@code err}; returns the exit status.
   */
  static int run(List<String> names, Map<String, Scenario> all, String python, PrintStream out,
      PrintStream err) {
    List<Scenario> chosen;
    try {
      chosen = choose(all, names);
    } catch (IllegalArgumentException e) {
      err.println("bench: " + e.getMessage());
      return USAGE;
    }
    Optional<CPython> cpython = CPython.find(python);
    err.printf(Locale.ROOT, "bench: java %s (%s), %s, %d cores%n",
        System.getProperty("java.version"), System.getProperty("java.vm.name"),
        cpython.map(CPython::version).orElse("no " + python + ": the CPython side is skipped"),
        Multiprocessing.cpuCount());
    int status = 0;
    for (Scenario s : chosen) {
      err.println("bench: " + s.name() + ": " + s.description());
      double mine;
      try {
        mine = s.measure();
      } catch (Exception e) {
        err.println("bench: " + s.name() + " failed on the multiproc side:");
        e.printStackTrace(err);
        status = 1;
        continue;
      }
      Result r;
      if (cpython.isEmpty()) {
        r = Result.withoutCpython(s, mine, "skipped (" + python + " not found)");
      } else {
        try {
          r = Result.of(s, mine, cpython.get().run(s.name()));
        } catch (Exception e) {
          err.println("bench: the CPython twin of " + s.name() + " failed: " + e.getMessage());
          r = Result.withoutCpython(s, mine, "failed (" + e.getClass().getSimpleName() + ")");
          status = 1;
        }
      }
      out.println(r.line());
      out.flush();
    }
    return status;
  }

  /** The scenarios called {@code names}, in that order; all of them when there are no names. */
  static List<Scenario> choose(Map<String, Scenario> all, List<String> names) {
    if (names.isEmpty()) {
      return new ArrayList<>(all.values());
    }
    List<Scenario> chosen = new ArrayList<>();
    for (String n : names) {
      Scenario s = all.get(n);
      if (s == null) {
        throw new IllegalArgumentException("unknown scenario '" + n + "'; scenarios: "
            + String.join(", ", all.keySet()));
      }
      chosen.add(s);
    }
    return chosen;
  }

  /**
   * Joins what the scenarios started, ends the forkserver's spares, and waits for every child JVM
   * to be gone: join() returns once a child reported its exit, a moment before its JVM is gone,
   * and the child that writes the class-data archive goes on a little after its process ran.
   * What is still there after a grace period is killed, and said so.
   */
  static void endChildren(PrintStream err) {
    ProcessAccess.get().finishChildren(Multiprocessing.currentProcess());
    for (String name : ProcessRuntime.startMethodNames()) {
      ProcessRuntime.startMethod(name).shutdown();
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CHILDREN_GRACE_MS);
    for (ProcessHandle h : ProcessHandle.current().descendants().toList()) {
      try {
        h.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        err.println("bench: killing " + h.pid() + ", a child still running "
            + CHILDREN_GRACE_MS / 1000 + " s after the bench ended");
        h.destroyForcibly();
      } catch (ExecutionException e) {
        h.destroyForcibly();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        h.destroyForcibly();
      }
    }
  }
}
