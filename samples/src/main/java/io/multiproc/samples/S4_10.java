package io.multiproc.samples;

import io.multiproc.Process;

/** s4-10: the pid stays readable after join() reaped the child (seed 004, line 471). */
public final class S4_10 {
  private S4_10() {}

  static void task() throws InterruptedException {
    System.out.println(ProcessHandle.current().pid() + " is running");
    Thread.sleep(1000); // the source sleeps 3 s
  }

  public static void main(String[] args) {
    Process p = new Process(S4_10::task);
    p.start();
    p.join(); // 等待进程p结束后，join函数内部会发送系统调用wait，去告诉操作系统回收掉进程p的id号
    System.out.println(p.pid()); // ？？？此时能否看到子进程p的id号  答案：可以
    System.out.println("主");
  }
}
