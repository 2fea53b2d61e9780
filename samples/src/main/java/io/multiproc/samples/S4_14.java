package io.multiproc.samples;

import io.multiproc.Lock;
import io.multiproc.Process;

/**
 * s4-14: the same three processes under a Lock: each "running" is followed by its own "done"
 * (seed 004, line 587).
 */
public final class S4_14 {
  private S4_14() {}

  static void work(Lock lock) throws InterruptedException {
    lock.acquire();
    System.out.println(ProcessHandle.current().pid() + " is running");
    Thread.sleep(2000);
    System.out.println(ProcessHandle.current().pid() + " is done");
    lock.release();
  }

  public static void main(String[] args) {
    // 由并发变成了串行,牺牲了运行效率,但避免了竞争
    Lock lock = new Lock();
    for (int i = 0; i < 3; i++) {
      Process p = new Process(S4_14::work, lock);
      p.start();
    }
  }
}
