package io.multiproc.samples;

import io.multiproc.Process;

/** s0-01: os.fork, parent and child print each other's pids (seed 000, line 35). */
public final class S0_01 {
  private S0_01() {}

  static void child() throws InterruptedException {
    long ppid = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
    System.out.printf("我是子进程%d, 我的父进程是%d 我开始工作了...%n",
        ProcessHandle.current().pid(), ppid);
    Thread.sleep(1000);
  }

  public static void main(String[] args) {
    System.out.printf("Process (%d) start...%n", ProcessHandle.current().pid());
    System.out.println("(the JVM has no os.fork(): the nearest equivalent is a child process"
        + " started with Process, which runs the child's branch)");
    Process p = new Process(S0_01::child);
    p.start();
    System.out.printf("我的进程id是 (%d) 我创建了一个子进程，子进程id是 (%d).%n",
        ProcessHandle.current().pid(), p.pid());
    p.join();
  }
}
