package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** s4-06: joined in turn, the four still ran at the same time; the main line comes last. */
class S4_06IT {
  @Test
  void joinInTurn_childrenConcurrent_mainLast() {
    SampleRun.Output o = SampleRun.inThisJvm("s4-06");
    List<String> names = List.of("egon", "alex", "yuanhao", "wupeiqi");
    Pairs.assertPairs(o, names, " is piaoing", " is piao end", true);
    int main = o.line("主线程");
    for (String n : names) {
      assertTrue(o.line(n + " is piao end") < main, "the joins waited for " + n);
    }
    assertEquals(10, o.lines().size(), o.stdout());
    assertTrue(o.lines().get(o.lines().size() - 1).startsWith("took "), o.stdout());
  }
}
