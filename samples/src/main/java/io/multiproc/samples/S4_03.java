package io.multiproc.samples;

import io.multiproc.Process;

/** s4-03: a child sets the global n to 0; the parent's n stays 100 (seed 004, line 149). */
public final class S4_03 {
  private S4_03() {}

  static int n = 100; // 在windows系统中应该把全局变量定义在if __name__ == '__main__'之上就可以了

  static void work() {
    n = 0;
    System.out.println("子进程内:  " + n);
  }

  public static void main(String[] args) {
    Process p = new Process(S4_03::work);
    p.start();
    p.join(); // (not in the source: makes the two prints come in a fixed order)
    System.out.println("主进程内:  " + n);
  }
}
