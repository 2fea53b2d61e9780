package io.multiproc.samples;

import io.multiproc.Process;

/** s3-01: Process(foo, 'bob') prints its name, its parent's pid and its own (seed 003, line 8). */
public final class S3_01 {
  private S3_01() {}

  static void foo(String name) {
    System.out.println("name: " + name);
    System.out.println("parent process id: "
        + ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L));
    System.out.println("sub process id: " + ProcessHandle.current().pid());
  }

  public static void main(String[] args) {
    System.out.println("parent process id：" + ProcessHandle.current().pid());
    Process p = new Process(S3_01::foo, "bob");
    p.start();
    p.join();
  }
}
