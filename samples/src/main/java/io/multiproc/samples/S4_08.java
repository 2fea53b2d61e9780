package io.multiproc.samples;

import io.multiproc.Process;
import java.util.concurrent.ThreadLocalRandom;

/** s4-08: a name set after the superclass constructor sticks; pid is real (seed 004, line 324). */
public final class S4_08 {
  private S4_08() {}

  /** CPython's {@code class Piao(Process)} setting its name after {@code super().__init__()}. */
  static final class Piao extends Process {
    Piao(String name) {
      super(); // gives the name Process-N, so the name is set after it
      setName(name);
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
    p.start();
    System.out.println("开始");
    System.out.println(p.pid()); // 查看pid
  }
}
