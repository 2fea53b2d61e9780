package io.multiproc.samples;

import io.multiproc.Process;

/** s2-02: Process(target=run_proc), start and join (seed 002, line 79). */
public final class S2_02 {
  private S2_02() {}

  // the code the child runs
  static void runProc(String name) {
    System.out.printf("Run child process %s (%d)...%n", name, ProcessHandle.current().pid());
  }

  public static void main(String[] args) {
    System.out.printf("Parent process %d.%n", ProcessHandle.current().pid());
    Process p = new Process(S2_02::runProc, "test");
    System.out.println("Child process will start.");
    p.start();
    p.join();
    System.out.println("Child process end.");
  }
}
