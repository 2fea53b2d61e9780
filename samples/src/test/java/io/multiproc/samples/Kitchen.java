package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the producer-consumer samples' output (seed 004): what was made, what was eaten. */
final class Kitchen {
  private static final Pattern PRODUCED = Pattern.compile("生产了 (\\S+?)\u001b\\[0m");
  private static final Pattern EATEN = Pattern.compile("吃 (\\S+?)\u001b\\[0m");

  private Kitchen() {}

  static List<String> produced(SampleRun.Output o) {
    return all(PRODUCED, o.stdout());
  }

  static List<String> eaten(SampleRun.Output o) {
    return all(EATEN, o.stdout());
  }

  /** Everything produced was eaten exactly once, and it is {@code expected} (in any order). */
  static void assertAllEatenOnce(SampleRun.Output o, List<String> expected) {
    assertEquals(expected.stream().sorted().toList(), produced(o).stream().sorted().toList(),
        o.stdout());
    assertEquals(expected.stream().sorted().toList(), eaten(o).stream().sorted().toList(),
        o.stdout());
  }

  static List<String> items(String name, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(name + i);
    }
    return out;
  }

  private static List<String> all(Pattern p, String text) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
