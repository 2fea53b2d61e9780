package io.multiproc.samples;

import io.multiproc.Event;
import io.multiproc.Process;
import java.time.Duration;

/**
 * s4-27: an Event as a traffic light: police cars wait at red at most one second and go
 * (seed 004, line 1172). The Python's light toggles every 10 s for ever and prints nothing; the
 * port's toggles every 2 s, four times (so it ends red, and the program ends), and says so.
 */
public final class S4_27 {
  static final int TOGGLES = 4;

  private S4_27() {}

  static void policeCar(Event e, Integer n) {
    while (true) {
      if (!e.isSet()) {
        System.out.println("\033[31m红灯亮\033[0m，car" + n + "等着");
        e.await(Duration.ofSeconds(1));
        System.out.println("灯的是" + Py.repr(e.isSet()) + "，警车走了,car " + n);
        break;
      }
    }
  }

  static void trafficLights(Event e, Integer interval) throws InterruptedException {
    for (int i = 0; i < TOGGLES; i++) {
      Thread.sleep(interval * 1000L);
      if (e.isSet()) {
        e.clear(); // e.isSet() ---->False
        System.out.println("light: red");
      } else {
        e.set();
        System.out.println("light: green");
      }
    }
  }

  public static void main(String[] args) {
    Event e = new Event();
    for (int i = 0; i < 5; i++) {
      Process p = new Process(S4_27::policeCar, e, i);
      p.start();
    }
    Process t = new Process(S4_27::trafficLights, e, 2);
    t.start();
    System.out.println("============》");
  }
}
