package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** s0-08: all six urls read exactly once; each writer's order kept; the reader terminated. */
class S0_08IT {
  @Test
  void twoWriters_everyUrlReadOnce_orderPerWriter() {
    SampleRun.Output o = SampleRun.inThisJvm("s0-08");
    List<String> got = o.lines().stream().filter(l -> l.startsWith("Get ")).toList();
    assertEquals(List.of("url1", "url2", "url3", "url4", "url5", "url6"),
        got.stream().map(l -> l.split(" ")[1]).sorted().toList(), o.stdout());
    List<String> gotOrder = got.stream().map(l -> l.split(" ")[1]).toList();
    assertTrue(gotOrder.indexOf("url1") < gotOrder.indexOf("url2")
        && gotOrder.indexOf("url2") < gotOrder.indexOf("url3"), o.stdout());
    assertTrue(gotOrder.indexOf("url4") < gotOrder.indexOf("url5")
        && gotOrder.indexOf("url5") < gotOrder.indexOf("url6"), o.stdout());
    assertEquals(2, o.lines().stream().filter(l -> l.endsWith(" is writing...")).count());
    assertEquals(1, o.lines().stream().filter(l -> l.endsWith(" is reading...")).count());
  }
}
