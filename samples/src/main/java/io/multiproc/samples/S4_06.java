package io.multiproc.samples;

import io.multiproc.Process;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * s4-06: four processes started, then joined in turn; they still run concurrently, so the whole
 * takes about as long as the longest (seed 004, line 245).
 */
public final class S4_06 {
  private S4_06() {}

  static void piao(String name) throws InterruptedException {
    System.out.println(name + " is piaoing");
    Thread.sleep(ThreadLocalRandom.current().nextInt(1, 4) * 1000L);
    System.out.println(name + " is piao end");
  }

  public static void main(String[] args) {
    long t0 = System.nanoTime();
    List<Process> ps = List.of(new Process(S4_06::piao, "egon"), new Process(S4_06::piao, "alex"),
        new Process(S4_06::piao, "yuanhao"), new Process(S4_06::piao, "wupeiqi"));
    ps.forEach(Process::start);
    // p.join() makes the main thread wait for p; the others keep running meanwhile
    ps.forEach(Process::join);
    System.out.println("主线程");
    System.out.printf("took %.1f s: about the longest sleep, not the sum%n",
        (System.nanoTime() - t0) / 1e9);
  }
}
