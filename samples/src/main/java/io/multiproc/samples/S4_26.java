package io.multiproc.samples;

import io.multiproc.Process;
import io.multiproc.Semaphore;
import io.multiproc.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * s4-26: a Semaphore(5) lets at most five of thirteen users in at once (seed 004, line 1141). The
 * port counts who is inside in a shared Value and prints the count, to prove the five.
 */
public final class S4_26 {
  private S4_26() {}

  static void goWc(Semaphore sem, String user, Value<Integer> inside) throws InterruptedException {
    sem.acquire();
    try (var held = inside.getLock().hold()) {
      inside.set(inside.get() + 1);
      System.out.println(user + " 占到一个茅坑 (里面 " + inside.get() + " 人)");
    }
    Thread.sleep(ThreadLocalRandom.current().nextInt(0, 4) * 1000L); // 0代表有的人蹲下就起来了
    try (var held = inside.getLock().hold()) {
      inside.set(inside.get() - 1);
    }
    sem.release();
  }

  public static void main(String[] args) {
    Semaphore sem = new Semaphore(5);
    Value<Integer> inside = new Value<>("i", 0);
    List<Process> pl = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      Process p = new Process(S4_26::goWc, sem, "user" + i, inside);
      p.start();
      pl.add(p);
    }
    for (Process p : pl) {
      p.join();
    }
    System.out.println("============》");
  }
}
