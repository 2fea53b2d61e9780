package io.multiproc.samples;

import io.multiproc.Process;
import java.util.concurrent.ThreadLocalRandom;

/** s4-11: a daemon child ends when the main code ends, before "piao end" (seed 004, line 512). */
public final class S4_11 {
  private S4_11() {}

  /** CPython's {@code class Piao(Process)}. */
  static final class Piao extends Process {
    Piao(String name) {
      super(name);
    }

    @Override
    public void run() throws InterruptedException {
      System.out.println(name() + " is piaoing");
      Thread.sleep(ThreadLocalRandom.current().nextInt(1, 3) * 1000L);
      System.out.println(name() + " is piao end");
    }
  }

  public static void main(String[] args) {
    Process p = new Piao("egon");
    p.setDaemon(true); // 一定要在p.start()前设置,设置p为守护进程,禁止p创建子进程,并且父进程代码执行结束,p即终止运行
    p.start();
    System.out.println("主");
  }
}
