package io.multiproc.samples;

import io.multiproc.Process;

/** s1-04: info(title) in the main process and in a child f('bob') (seed 001, line 114). */
public final class S1_04 {
  private S1_04() {}

  static void f(String name) {
    S1_03.info("\033[31;1mcalled from child process function f\033[0m");
    System.out.println("hello " + name);
  }

  public static void main(String[] args) {
    S1_03.info("\033[32;1mmain process line\033[0m");
    Process p = new Process(S1_04::f, "bob"); // 设置子进程
    p.start(); // 启动子进程
    // p.join()  (the source does not join; the program still waits for its child at exit)
  }
}
