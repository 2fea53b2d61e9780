package io.multiproc.samples;

import io.multiproc.Process;
import java.util.concurrent.ThreadLocalRandom;

/** s4-02: four processes from a Process subclass, random sleeps (seed 004, line 118). */
public final class S4_02 {
  private S4_02() {}

  /** CPython's {@code class Piao(Process)}. */
  static final class Piao extends Process {
    Piao(String name) {
      super(name);
    }

    @Override
    public void run() throws InterruptedException {
      System.out.println(name() + " piaoing");
      Thread.sleep(ThreadLocalRandom.current().nextInt(1, 4) * 1000L);
      System.out.println(name() + " piao end");
    }
  }

  public static void main(String[] args) {
    Process p1 = new Piao("egon");
    Process p2 = new Piao("alex");
    Process p3 = new Piao("wupeiqi");
    Process p4 = new Piao("yuanhao");
    p1.start(); // start会自动调用run
    p2.start();
    p3.start();
    p4.start();
    System.out.println("主线程");
  }
}
