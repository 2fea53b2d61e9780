package io.multiproc.samples;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The timeline lines ({@code task 3: pid 1234, +210..+730 ms}) a pool sample prints, parsed. */
record Timeline(List<Timeline.Span> spans) {
  /** One task's run. */
  record Span(int task, long pid, long start, long end) {}

  private static final Pattern LINE =
      Pattern.compile("(?m)^task (\\d+): pid (\\d+), \\+(-?\\d+)\\.\\.\\+(-?\\d+) ms$");

  static Timeline of(String stdout) {
    List<Span> spans = new ArrayList<>();
    Matcher m = LINE.matcher(stdout);
    while (m.find()) {
      spans.add(new Span(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)),
          Long.parseLong(m.group(3)), Long.parseLong(m.group(4))));
    }
    spans.sort(Comparator.comparingInt(Span::task));
    return new Timeline(List.copyOf(spans));
  }

  Span task(int i) {
    return spans.stream().filter(s -> s.task() == i).findFirst()
        .orElseThrow(() -> new AssertionError("no timeline line for task " + i));
  }

  /** The most tasks running at one instant (a task ending when another starts does not overlap). */
  int maxOverlap() {
    int max = 0;
    for (Span s : spans) {
      int running = 0;
      for (Span o : spans) {
        if (o.start() <= s.start() && s.start() < o.end()) {
          running++;
        }
      }
      max = Math.max(max, running);
    }
    return max;
  }
}
