package io.multiproc.samples;

import io.multiproc.Process;

/** s4-07: terminate() does not end a process at once; is_alive() tells (seed 004, line 295). */
public final class S4_07 {
  private S4_07() {}

  public static void main(String[] args) {
    Process p1 = new Piao("egon1", 5); // Piao: class Piao(Process) of seed 004
    p1.start();
    p1.terminate(); // 关闭进程,不会立即关闭,所以is_alive立刻查看的结果可能还是存活
    System.out.println(p1.isAlive()); // 结果为True
    System.out.println("开始");
    p1.join(); // the source relies on the time printing takes; joining makes it certain
    System.out.println(p1.isAlive()); // 结果为False
    System.out.println("exitcode: " + p1.exitcode());
  }
}
