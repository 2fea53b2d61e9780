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
    Pairs.assertPairs(o, "主线程", List.of("egon", "alex", "yuanhao", "wupeiqi"), " is piaoing",
        " is piao end", true, 1);
    int main = o.line("主线程");
    for (String n : List.of("egon", "alex", "yuanhao", "wupeiqi")) {
      assertTrue(o.line(n + " is piao end") < main, "joins wait for every child");
    }
    assertTrue(o.lines().get(o.lines().size() - 1).startsWith("took "), o.stdout());
  }
}
