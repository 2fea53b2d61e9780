package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** s4-30: async gives result objects then values by get; sync gives the values directly. */
class S4_30IT {
  private static final List<String> HELLOS =
      IntStream.range(0, 10).mapToObj(i -> "hello " + i).toList();

  @Test
  void asyncResultObjects_thenValues_syncValuesDirectly() {
    SampleRun.Output o = SampleRun.inThisJvm("s4-30");
    List<String> lines = o.lines();
    int async = o.line("#一：使用进程池（异步调用,apply_async）");
    int sync = o.line("#二：使用进程池（同步调用,apply）");
    assertEquals(0, async);
    checkMsgs(lines.subList(async + 1, sync), o.stdout());
    checkMsgs(lines.subList(sync + 1, lines.size()), o.stdout());
    // async: after join, the list of result objects, then the values by get()
    int objects = sync - 11;
    String ready = "<AsyncResult ready>";
    assertEquals("[" + String.join(", ", java.util.Collections.nCopies(10, ready)) + "]",
        lines.get(objects), o.stdout());
    assertEquals(HELLOS, lines.subList(objects + 1, sync));
    // sync: the values themselves
    int values = lines.size() - 11;
    assertEquals(Py.repr(HELLOS), lines.get(values), o.stdout());
    assertEquals(HELLOS, lines.subList(values + 1, lines.size()));
  }

  /** Each program prints the ten msg lines from the workers and one separator. */
  private static void checkMsgs(List<String> part, String stdout) {
    List<String> msgs = part.stream().filter(l -> l.startsWith("msg: ")).sorted().toList();
    assertEquals(HELLOS.stream().map(h -> "msg: " + h).sorted().toList(), msgs, stdout);
    assertEquals(1, part.stream().filter(l -> l.equals("==============================>")).count());
    assertTrue(part.indexOf("==============================>") >= 0, stdout);
  }
}
