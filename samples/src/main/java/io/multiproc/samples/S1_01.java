package io.multiproc.samples;

import io.multiproc.Multiprocessing;
import io.multiproc.Process;

/** s1-01: ten processes sleeping 2 s each finish together in about 2 s (seed 001, line 19). */
public final class S1_01 {
  private S1_01() {}

  static void run(String name) throws InterruptedException {
    Thread.sleep(2000);
    System.out.println("heelo " + name);
  }

  public static void main(String[] args) {
    long t0 = System.nanoTime();
    for (int i = 0; i < 10; i++) { // 起了10个进程
      new Process(S1_01::run, "bob" + i).start();
    }
    // not in the source: proof that the ten run at the same time
    System.out.println("alive at once: " + Multiprocessing.activeChildren().size());
    Multiprocessing.activeChildren().forEach(Process::join);
    System.out.printf("10 processes of 2 s each took %.1f s%n", (System.nanoTime() - t0) / 1e9);
  }
}
