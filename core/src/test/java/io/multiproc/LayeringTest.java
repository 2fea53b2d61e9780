package io.multiproc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layers of DESIGN.md: reads core's main sources and fails on a dependency from a lower
 * layer to a higher one, on a cycle between packages, and on a main file over the size limit.
 *
 * <p>The layers, lowest first: the runtime (the per-JVM object, settings, log, the start-method
 * SPI); wire (codecs, the authkey tag, the reducer); the transports (lanes, Artery's TLS, the
 * receiver table and gateway they share); the route; the objects (queue, sync, later pool and
 * manager); the processes (each JVM's Process objects, the thread start method, the registry);
 * the API. The API's exception types and {@code Target} are the vocabulary every layer may use
 * ({@code Process} the process package's too, see {@link #KEPT}). A dependency that breaks the
 * rule today is listed in {@link #KNOWN} with why; the test fails on any other, and on a listed
 * one that is gone (so the list only shrinks).
 */
class LayeringTest {
  private static final String ROOT = "io.multiproc";
  private static final List<Set<String>> LAYERS = List.of(
      Set.of("internal", "internal.log", "spi"),
      Set.of("internal.wire"),
      Set.of("internal.lane", "internal.artery", "internal.transport"),
      Set.of("internal.route"),
      Set.of("internal.queue", "internal.sync", "internal.pool", "internal.manager"),
      Set.of("internal.process"),
      Set.of("", "futures"));
  /** Types of the API package that every layer may name: the errors, and what a process runs. */
  private static final Set<String> VOCABULARY = Set.of("ProcessError", "AuthenticationError",
      "BrokenPipeError", "BrokenBarrierException", "BufferTooShort", "OwnerGoneError",
      "PicklingError", "TimeoutError", "Target", "RemoteError", "BrokenProcessPool",
      "WorkerLostError");
  /**
   * API types that one layer may name besides the vocabulary: the process package is the
   * bookkeeping of the API's {@code Process} objects (which process each thread runs in, each
   * one's children, the thread start method that runs them), as CPython's
   * {@code multiprocessing.process} keeps {@code _current_process} and {@code _children} beside
   * the class. It names that type and nothing else of the API.
   */
  private static final Map<String, Set<String>> KEPT =
      Map.of("internal.process", Set.of("Process"));
  /** Dependencies that point the wrong way today, "from class -> to package", with why. */
  private static final Map<String, String> KNOWN = Map.of();
  /** The largest main file, in lines, and the files over it today with why. */
  private static final int MAX_LINES = 410;
  private static final Map<String, String> KNOWN_LONG = Map.of();

  private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
  private static final Pattern REFERENCE =
      Pattern.compile("\\bio\\.multiproc((?:\\.[a-z]\\w*)*)\\.([A-Z]\\w*)");
  private static final Pattern COMMENTS_AND_STRINGS =
      Pattern.compile("//[^\\n]*|/\\*.*?\\*/|\"(?:\\\\.|[^\"\\\\])*\"", Pattern.DOTALL);

  /** Edges "from class -> to package" (packages relative to io.multiproc, "" for the API). */
  private static final Map<String, Set<String>> EDGES = new TreeMap<>();
  private static final Map<String, Integer> LINES = new TreeMap<>();

  @BeforeAll
  static void read() throws IOException {
    Path src = Path.of("src", "main", "java");
    try (Stream<Path> files = Files.walk(src)) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
        String text = Files.readString(file);
        LINES.put(file.getFileName().toString(), (int) text.lines().count());
        Matcher p = PACKAGE.matcher(text);
        if (!p.find()) {
          continue;
        }
        String pkg = relative(p.group(1));
        String cls = file.getFileName().toString().replace(".java", "");
        String code = COMMENTS_AND_STRINGS.matcher(text).replaceAll(" ");
        Matcher m = REFERENCE.matcher(code);
        while (m.find()) {
          String to = m.group(1).isEmpty() ? "" : m.group(1).substring(1);
          if (to.equals(pkg) || (to.isEmpty() && (VOCABULARY.contains(m.group(2))
              || KEPT.getOrDefault(pkg, Set.of()).contains(m.group(2))))) {
            continue;
          }
          EDGES.computeIfAbsent((pkg.isEmpty() ? "" : pkg + ".") + cls, k -> new TreeSet<>())
              .add(to);
        }
      }
    }
  }

  private static String relative(String pkg) {
    return pkg.equals(ROOT) ? "" : pkg.substring(ROOT.length() + 1);
  }

  private static String packageOf(String cls) {
    int dot = cls.lastIndexOf('.');
    return dot < 0 ? "" : cls.substring(0, dot);
  }

  private static int layer(String pkg) {
    for (int i = 0; i < LAYERS.size(); i++) {
      if (LAYERS.get(i).contains(pkg)) {
        return i;
      }
    }
    throw new AssertionError("package io.multiproc." + pkg + " is in no layer: add it to"
        + " LayeringTest.LAYERS (and DESIGN.md)");
  }

  @Test
  void noDependencyPointsUp_butTheKnownOnes() {
    List<String> wrong = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    EDGES.forEach((from, tos) -> {
      for (String to : tos) {
        if (layer(packageOf(from)) < layer(to)) {
          String edge = from + " -> " + to;
          if (KNOWN.containsKey(edge)) {
            seen.add(edge);
          } else {
            wrong.add(edge + " (io.multiproc." + packageOf(from) + " is below io.multiproc."
                + to + ")");
          }
        }
      }
    });
    assertTrue(wrong.isEmpty(), "dependencies that point up a layer:\n  "
        + String.join("\n  ", wrong));
    Set<String> gone = new TreeSet<>(KNOWN.keySet());
    gone.removeAll(seen);
    assertTrue(gone.isEmpty(), "fixed, so take them off LayeringTest.KNOWN: " + gone);
  }

  @Test
  void packagesFormNoCycle() {
    Map<String, Set<String>> graph = new TreeMap<>();
    EDGES.forEach((from, tos) -> {
      for (String to : tos) {
        if (!KNOWN.containsKey(from + " -> " + to)) {
          graph.computeIfAbsent(packageOf(from), k -> new TreeSet<>()).add(to);
        }
      }
    });
    List<String> cycles = new ArrayList<>();
    Map<String, Integer> state = new HashMap<>(); // 1 on the path, 2 done
    for (String start : graph.keySet()) {
      findCycles(start, graph, state, new ArrayList<>(), cycles);
    }
    assertTrue(cycles.isEmpty(), "cycles between packages:\n  " + String.join("\n  ", cycles));
  }

  private static void findCycles(String pkg, Map<String, Set<String>> graph,
      Map<String, Integer> state, List<String> path, List<String> cycles) {
    Integer s = state.get(pkg);
    if (s != null && s == 2) {
      return;
    }
    if (s != null && s == 1) {
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(pkg), path.size()));
      cycle.add(pkg);
      cycles.add(String.join(" -> ", cycle.stream().map(p -> "io.multiproc." + p).toList()));
      return;
    }
    state.put(pkg, 1);
    path.add(pkg);
    for (String to : graph.getOrDefault(pkg, Set.of())) {
      findCycles(to, graph, state, path, cycles);
    }
    path.remove(path.size() - 1);
    state.put(pkg, 2);
  }

  @Test
  void noMainFileIsTooLong_butTheKnownOnes() {
    List<String> wrong = new ArrayList<>();
    LINES.forEach((file, lines) -> {
      if (lines > MAX_LINES && !KNOWN_LONG.containsKey(file)) {
        wrong.add(file + " (" + lines + " lines)");
      }
    });
    assertTrue(wrong.isEmpty(), "main files over " + MAX_LINES + " lines: " + wrong);
  }
}
