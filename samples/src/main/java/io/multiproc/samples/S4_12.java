package io.multiproc.samples;

import io.multiproc.Process;

/**
 * s4-12: a daemon p1 is ended when the main code ends; a non-daemon p2 runs to its end
 * (seed 004, line 535).
 */
public final class S4_12 {
  private S4_12() {}

  static void foo() throws InterruptedException {
    System.out.println(123);
    Thread.sleep(1000);
    System.out.println("end123");
  }

  static void bar() throws InterruptedException {
    System.out.println(456);
    Thread.sleep(3000);
    System.out.println("end456");
  }

  public static void main(String[] args) {
    Process p1 = new Process(S4_12::foo);
    Process p2 = new Process(S4_12::bar);
    p1.setDaemon(true);
    p1.start();
    p2.start();
    // 打印该行则主进程代码结束,则守护进程p1应该被终止,可能会有p1任务执行的打印信息123
    System.out.println("main-------");
  }
}
