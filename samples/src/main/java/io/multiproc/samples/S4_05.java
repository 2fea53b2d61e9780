package io.multiproc.samples;

import io.multiproc.Process;
import java.time.Duration;

/** s4-05: join(0.0001) gives up at once; "开始" comes before the child ends (seed 004, line 222). */
public final class S4_05 {
  private S4_05() {}

  public static void main(String[] args) {
    Process p = new Piao("egon", 3); // Piao: class Piao(Process) of seed 004
    p.start();
    p.join(Duration.ofNanos(100_000)); // 等待p停止,等0.0001秒就不再等了
    System.out.println("开始");
  }
}
