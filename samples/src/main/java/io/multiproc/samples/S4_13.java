package io.multiproc.samples;

import io.multiproc.Process;

/**
 * s4-13: three processes share the terminal without a lock: their "running" and "done" lines
 * interleave (seed 004, line 570).
 */
public final class S4_13 {
  private S4_13() {}

  static void work() throws InterruptedException {
    System.out.println(ProcessHandle.current().pid() + " is running");
    Thread.sleep(2000);
    System.out.println(ProcessHandle.current().pid() + " is done");
  }

  public static void main(String[] args) {
    // 并发运行,效率高,但竞争同一打印终端,带来了打印错乱
    for (int i = 0; i < 3; i++) {
      Process p = new Process(S4_13::work);
      p.start();
    }
  }
}
