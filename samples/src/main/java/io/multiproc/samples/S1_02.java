package io.multiproc.samples;

import io.multiproc.Process;

/** s1-02: ten processes, each starting a thread that prints its thread id (seed 001, line 46). */
public final class S1_02 {
  private S1_02() {}

  static void threadRun() {
    System.out.println(Thread.currentThread().getId()); // threading.get_ident()
  }

  static void run(String name) throws InterruptedException {
    Thread.sleep(2000);
    System.out.println("heelo " + name);
    Thread t = new Thread(S1_02::threadRun); // 在每个进程中又起了1个线程
    t.start();
    t.join();
  }

  public static void main(String[] args) {
    for (int i = 0; i < 10; i++) { // 起了10个进程
      new Process(S1_02::run, "bob" + i).start();
    }
  }
}
