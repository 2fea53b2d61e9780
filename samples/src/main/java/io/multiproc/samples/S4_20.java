package io.multiproc.samples;

import io.multiproc.Process;
import io.multiproc.Queue;

/** s4-20: the main sends None once the producer ended; the consumer stops (seed 004, line 853). */
public final class S4_20 {
  private S4_20() {}

  public static void main(String[] args) {
    Queue<String> q = new Queue<>();
    Process p1 = new Process(Baozi::producer, "包子", 2, q);
    Process c1 = new Process(Baozi::consumer, q);
    p1.start();
    c1.start();
    p1.join();
    q.put(null); // 发送结束信号
    System.out.println("主");
  }
}
