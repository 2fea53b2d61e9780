package io.multiproc.samples;

import io.multiproc.Process;

/** s0-02: start one child with a target and an argument, and wait for it (seed 000, line 75). */
public final class S0_02 {
  private S0_02() {}

  // the code the child runs
  static void runProc(String name) {
    System.out.printf("Run child process %s (%d)...%n", name, ProcessHandle.current().pid());
  }

  public static void main(String[] args) {
    System.out.printf("Parent process %d.%n", ProcessHandle.current().pid());
    Process p = new Process(S0_02::runProc, "test");
    System.out.println("Child process will start.");
    p.start();
    p.join();
    System.out.println("Child process end.");
  }
}
