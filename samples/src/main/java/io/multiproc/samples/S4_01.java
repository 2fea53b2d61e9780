package io.multiproc.samples;

import io.multiproc.Process;
import java.util.concurrent.ThreadLocalRandom;

/** s4-01: four processes from a target, random sleeps; the main prints first (seed 004, line 92). */
public final class S4_01 {
  private S4_01() {}

  static void piao(String name) throws InterruptedException {
    System.out.println(name + " piaoing");
    Thread.sleep(ThreadLocalRandom.current().nextInt(1, 4) * 1000L);
    System.out.println(name + " piao end");
  }

  public static void main(String[] args) {
    Process p1 = new Process(S4_01::piao, "egon"); // 必须加,号
    Process p2 = new Process(S4_01::piao, "alex");
    Process p3 = new Process(S4_01::piao, "wupeqi");
    Process p4 = new Process(S4_01::piao, "yuanhao");
    p1.start();
    p2.start();
    p3.start();
    p4.start();
    System.out.println("主线程");
  }
}
