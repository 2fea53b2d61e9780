package io.multiproc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, the RESULT lines and the CPython side, with scenarios that start nothing. */
class BenchTest {
  /** A scenario that measures nothing and returns {@code value}. */
  record Fixed(String name, String unit, boolean higherIsBetter, double value) implements Scenario {
    @Override
    public String description() {
      return "a fixed value";
    }

    @Override
    public double measure() {
      return value;
    }
  }

  private static final Map<String, Scenario> FAKES = new LinkedHashMap<>();

  static {
    FAKES.put("fake.time", new Fixed("fake.time", "ms", false, 2.0));
    FAKES.put("fake.rate", new Fixed("fake.rate", "items/s", true, 300.0));
  }

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(List<String> names, String python) {
    return Bench.run(names, FAKES, python, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private List<String> outLines() {
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void choose_noNames_allInOrder() {
    assertEquals(List.of("fake.time", "fake.rate"),
        Bench.choose(FAKES, List.of()).stream().map(Scenario::name).toList());
  }

  @Test
  void choose_names_thoseInTheGivenOrder() {
    assertEquals(List.of("fake.rate", "fake.time"),
        Bench.choose(FAKES, List.of("fake.rate", "fake.time")).stream().map(Scenario::name)
            .toList());
  }

  @Test
  void choose_unknownName_refusedWithTheList() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Bench.choose(FAKES, List.of("fake.time", "start.fork")));
    assertEquals("unknown scenario 'start.fork'; scenarios: fake.time, fake.rate",
        e.getMessage());
  }

  @Test
  void run_unknownName_exit64_nothingMeasured() {
    assertEquals(64, run(List.of("nope"), "/nonexistent/python3"));
    assertEquals(List.of(), outLines());
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown scenario 'nope'"),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void run_pythonMissing_multiprocSideOnly_saysSkipped_exit0() {
    assertEquals(0, run(List.of(), "/nonexistent/python3"));
    assertEquals(List.of(
        "RESULT fake.time multiproc=2.000 ms cpython=skipped (/nonexistent/python3 not found)",
        "RESULT fake.rate multiproc=300.000 items/s"
            + " cpython=skipped (/nonexistent/python3 not found)"), outLines());
    String e = err.toString(StandardCharsets.UTF_8);
    assertTrue(e.startsWith("bench: java "), e);
    assertTrue(e.contains("no /nonexistent/python3: the CPython side is skipped"), e);
  }

  @Test
  void run_withTwin_bothSidesAndSpeedupPerDirection(@TempDir Path dir) throws Exception {
    Path python = fakePython(dir, "echo 'VALUE 6.0'");
    assertEquals(0, run(List.of(), python.toString()));
    assertEquals(List.of(
        "RESULT fake.time multiproc=2.000 ms cpython=6.000 ms speedup=3.00",
        "RESULT fake.rate multiproc=300.000 items/s cpython=6.000 items/s speedup=50.00"),
        outLines());
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("Python 0.0-fake"));
  }

  @Test
  void run_twinFails_lineSaysFailed_exit1(@TempDir Path dir) throws Exception {
    Path python = fakePython(dir, "echo 'Traceback: boom' >&2; exit 1");
    assertEquals(1, run(List.of("fake.time"), python.toString()));
    assertEquals(List.of("RESULT fake.time multiproc=2.000 ms cpython=failed (IOException)"),
        outLines());
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("printed no VALUE line (exit 1)"));
  }

  @Test
  void run_twinGetsTheScript_andTheScenarioName(@TempDir Path dir) throws Exception {
    Path args = dir.resolve("args");
    Path python = fakePython(dir, "echo \"$1 $2\" > '" + args + "'; echo 'VALUE 1'");
    assertEquals(0, run(List.of("fake.rate"), python.toString()));
    String[] got = Files.readString(args).trim().split(" ");
    assertTrue(got[0].endsWith(".py"), got[0]);
    assertEquals("fake.rate", got[1]);
  }

  @Test
  void scenarios_startOnesFirst_sameNamesAsThePythonTwin() throws Exception {
    List<String> java = new ArrayList<>(Bench.scenarios().keySet());
    assertEquals(List.of("start.cold", "start.warm", "start.parallel10"), java.subList(0, 3));
    assertEquals(pythonScenarioNames(), new TreeSet<>(java));
  }

  /** The keys of SCENARIOS in the cpython_bench.py packaged with the bench. */
  private static Set<String> pythonScenarioNames() throws Exception {
    String script;
    try (InputStream in = BenchTest.class.getResourceAsStream("/cpython_bench.py")) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String table = script.substring(script.indexOf("SCENARIOS = {"));
    table = table.substring(0, table.indexOf('}'));
    Matcher m = Pattern.compile("'([a-z0-9._]+)':").matcher(table);
    Set<String> names = new TreeSet<>();
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** A stand-in interpreter: answers --version, and otherwise runs {@code body}. */
  private static Path fakePython(Path dir, String body) throws Exception {
    Path p = dir.resolve("python3");
    Files.writeString(p, "#!/bin/sh\nif [ \"$1\" = --version ]; then echo 'Python 0.0-fake';"
        + " exit 0; fi\n" + body + "\n");
    assertTrue(p.toFile().setExecutable(true));
    return p;
  }
}
