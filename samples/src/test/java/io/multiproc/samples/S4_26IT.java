package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** s4-26: thirteen users, never more than five inside at once; the main's line last. */
class S4_26IT {
  @Test
  void semaphoreOf5_neverMoreThan5Inside() {
    SampleRun.Output o = SampleRun.inThisJvm("s4-26");
    List<Long> inside = o.numbers("占到一个茅坑 \\(里面 (\\d+) 人\\)");
    assertEquals(13, inside.size(), o.stdout());
    assertTrue(inside.stream().allMatch(n -> n >= 1 && n <= 5), o.stdout());
    for (int i = 0; i < 13; i++) {
      assertTrue(o.lineContaining("user" + i + " 占到一个茅坑") >= 0, o.stdout());
    }
    assertEquals("============》", o.lines().get(o.lines().size() - 1), o.stdout());
  }
}
