package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** s4-32: pages fetched in the workers, parsed in the parent, one db line per page. */
class S4_32IT {
  @Test
  void crawler_fetchInWorkers_parseInParent_dbWritten() {
    SampleRun.Output o = SampleRun.inThisJvm("s4-32");
    long parent = ProcessHandle.current().pid();
    Matcher get = Pattern.compile("(?m)^<进程(\\d+)> get (http://127\\.0\\.0\\.1:\\d+(/\\S*))$")
        .matcher(o.stdout());
    Set<Long> fetchers = new HashSet<>();
    List<String> fetched = new ArrayList<>();
    while (get.find()) {
      fetchers.add(Long.parseLong(get.group(1)));
      fetched.add(get.group(3));
    }
    assertEquals(5, fetched.size(), o.stdout());
    assertEquals(S4_32.PAGES.keySet(), new HashSet<>(fetched), o.stdout());
    assertFalse(fetchers.contains(parent), "a page was fetched in the parent");
    assertTrue(fetchers.size() <= 3, fetchers.toString());
    List<Long> parsers = o.numbers("(?m)^<进程(\\d+)> parse http");
    assertEquals(5, parsers.size(), o.stdout());
    parsers.forEach(p -> assertEquals(parent, p, "parsed outside the parent"));
    // db.txt: a line per page with its size, in the order the callbacks ran
    int db = o.line("db.txt:");
    List<String> dbLines = o.lines().subList(db + 1, o.lines().size());
    assertEquals(5, dbLines.size(), o.stdout());
    for (Map.Entry<String, String> page : S4_32.PAGES.entrySet()) {
      String want = "> size:[" + page.getValue().length() + "]";
      assertEquals(1, dbLines.stream().filter(l -> l.startsWith("url:<http://127.0.0.1:")
          && l.endsWith(page.getKey() + want)).count(), page.getKey() + " in " + dbLines);
    }
    // the results themselves, after join, still hold each page
    int results = db - 1;
    for (String html : S4_32.PAGES.values()) {
      assertTrue(o.lines().get(results).contains("'text': '" + html + "'"), o.stdout());
    }
  }
}
