package io.multiproc.samples;

import io.multiproc.Process;

/** s2-01: os.fork with English prints (seed 002, line 49). */
public final class S2_01 {
  private S2_01() {}

  static void child() {
    long ppid = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
    System.out.printf("I am child process (%d) and my parent is %d.%n",
        ProcessHandle.current().pid(), ppid);

  }

  public static void main(String[] args) {
    System.out.printf("Process (%d) start...%n", ProcessHandle.current().pid());
    System.out.println("(the JVM has no os.fork(): the nearest equivalent is a child process"
        + " started with Process, which runs the child's branch)");
    Process p = new Process(S2_01::child);
    p.start();
    System.out.printf("I (%d) just created a child process (%d).%n",
        ProcessHandle.current().pid(), p.pid());
    p.join();
  }
}
