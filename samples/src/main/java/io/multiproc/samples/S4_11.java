package io.multiproc.samples;

import io.multiproc.Process;

/** s4-11: a daemon child ends when the main code ends, before "piao end" (seed 004, line 512). */
public final class S4_11 {
  private S4_11() {}

  public static void main(String[] args) {
    Process p = new Piao("egon", 3); // Piao: class Piao(Process) of seed 004
    p.setDaemon(true); // 一定要在p.start()前设置,设置p为守护进程,禁止p创建子进程,并且父进程代码执行结束,p即终止运行
    p.start();
    System.out.println("主");
  }
}
