package io.multiproc.samples;

import io.multiproc.Process;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** s4-05: join(0.0001) gives up at once; "开始" comes before the child ends (seed 004, line 222). */
public final class S4_05 {
  private S4_05() {}

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
    p.start();
    p.join(Duration.ofNanos(100_000)); // 等待p停止,等0.0001秒就不再等了
    System.out.println("开始");
  }
}
