package io.multiproc.samples;

import io.multiproc.Pool;

/**
 * s1-20: a callback runs in the parent process, whose pid it prints (seed 001, line 594); the
 * sleep is 0.5 s instead of 2 s.
 */
public final class S1_20 {
  private S1_20() {}

  static int foo(int i) throws InterruptedException {
    Thread.sleep(500);
    System.out.println("in process " + ProcessHandle.current().pid());
    return i + 100;
  }

  static void bar(int arg) {
    System.out.println("-->exec done: " + arg + " " + ProcessHandle.current().pid());
  }

  public static void main(String[] args) {
    Pool pool = new Pool(5);
    System.out.println("主进程: " + ProcessHandle.current().pid()); // 打印主进程id
    for (int i = 0; i < 10; i++) {
      pool.applyAsync(S1_20::foo, i, S1_20::bar, null); // callback: 在主进程执行
    }
    System.out.println("end");
    pool.close();
    pool.join();
  }
}
