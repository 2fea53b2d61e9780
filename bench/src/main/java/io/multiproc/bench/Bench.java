package io.multiproc.bench;

import io.multiproc.internal.ProcessAccess;
import io.multiproc.Multiprocessing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The side-by-side benchmark: every scenario runs for multiproc and, in the same run, for CPython's
 * multiprocessing, and one RESULT line per scenario goes to stdout.
 *
 * <pre>
 * java -jar bench/target/multiproc-bench.jar                       # every scenario
 * java -jar bench/target/multiproc-bench.jar start.warm start.cold # some
 * java -Dbench.python=/usr/bin/python3.11 -jar …                   # another interpreter
 * </pre>
 */
public final class Bench {
  private Bench() {}

  static Map<String, Scenario> scenarios() {
    Map<String, Scenario> all = new LinkedHashMap<>();
    for (Scenario s : StartScenarios.all()) {
      all.put(s.name(), s);
    }
    for (Scenario s : MessagingScenarios.all()) {
      all.put(s.name(), s);
    }
    return all;
  }

  /** Runs the named scenarios (all without names); exit status 64 for an unknown name. */
  public static void main(String[] args) throws Exception {
    Map<String, Scenario> all = scenarios();
    List<Scenario> chosen;
    try {
      chosen = choose(all, List.of(args));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(64);
      return;
    }
    Optional<CPython> cpython = CPython.find(System.getProperty("bench.python", "python3"));
    System.err.printf(Locale.ROOT, "bench: java %s (%s), %s, %d cores%n",
        System.getProperty("java.version"), System.getProperty("java.vm.name"),
        cpython.map(CPython::version).orElse("no python3: the CPython side is skipped"),
        Multiprocessing.cpuCount());
    for (Scenario s : chosen) {
      System.err.println("bench: " + s.name() + ": " + s.description());
      double mine = s.measure();
      Result r;
      if (cpython.isPresent()) {
        r = new Result(s.name(), s.unit(), s.higherIsBetter(), mine, cpython.get().run(s.name()),
            null);
      } else {
        r = new Result(s.name(), s.unit(), s.higherIsBetter(), mine, null, "python3 not found");
      }
      System.out.println(r.line());
      System.out.flush();
    }
    ProcessAccess.get().finishChildren(Multiprocessing.currentProcess());
    System.exit(0);
  }

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
}
