package io.multiproc.samples;

import io.multiproc.Pool;

/**
 * s1-18: {@code close()} without {@code join()}: the main ends at once and the tasks still
 * pending are dropped with the pool's daemon workers (seed 001, line 529).
 */
public final class S1_18 {
  private S1_18() {}

  static int foo(int i) throws InterruptedException {
    Thread.sleep(2000);
    System.out.println("in process " + ProcessHandle.current().pid());
    return i + 100;
  }

  public static void main(String[] args) {
    Pool pool = new Pool(5);
    for (int i = 0; i < 10; i++) {
      pool.applyAsync(S1_18::foo, i);
    }
    System.out.println("end");
    pool.close();
    // pool.join();   注释掉: the workers are daemons, so they end with this JVM
  }
}
