package io.multiproc.samples;

import io.multiproc.Pool;

/**
 * s0-04: a pool of 4 runs 10 tasks given by applyAsync, then is closed and joined (seed 000,
 * line 151).
 */
public final class S0_04 {
  private S0_04() {}

  static Void task(int name) throws InterruptedException {
    System.out.printf("子进程 (%d)执行的任务是 (%d)%n", ProcessHandle.current().pid(), name);
    Thread.sleep(1000);
    return null;
  }

  public static void main(String[] args) {
    System.out.printf("父进程 (%d)开始执行%n", ProcessHandle.current().pid());
    Pool p = new Pool(4);
    // not in the source: the pool's 4 workers, which run every task
    System.out.println("进程池的 4 条进程: " + p.pids());
    for (int i = 0; i < 10; i++) {
      p.applyAsync(S0_04::task, i);
    }
    p.close();
    p.join();
    System.out.println("所有子进程结束.....");
  }
}
