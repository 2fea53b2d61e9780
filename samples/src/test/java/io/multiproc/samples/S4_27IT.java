package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** s4-27: each police car waits at red, then goes; the light toggles; the run ends. */
class S4_27IT {
  @Test
  void trafficLight_carsWaitAtRedThenGo_lightToggles() {
    SampleRun.Output o = SampleRun.inThisJvm("s4-27");
    for (int n = 0; n < 5; n++) {
      int red = o.line("\033[31m红灯亮\033[0m，car" + n + "等着");
      int gone = o.lineContaining("，警车走了,car " + n);
      assertTrue(red < gone, o.stdout());
      assertTrue(o.lines().get(gone).matches("灯的是(True|False)，警车走了,car " + n), o.stdout());
    }
    List<String> light = o.lines().stream().filter(l -> l.startsWith("light: ")).toList();
    assertEquals(List.of("light: green", "light: red", "light: green", "light: red"), light);
    assertTrue(o.line("============》") >= 0);
  }
}
