package io.multiproc.samples;

import io.multiproc.Process;
import io.multiproc.Queue;

/** s4-19: the producer sends None after its ten items; the consumer stops (seed 004, line 818). */
public final class S4_19 {
  private S4_19() {}

  static void producer(Queue<String> q) throws InterruptedException {
    Baozi.producer("包子", 10, q);
    q.put(null); // 发送结束信号
  }

  public static void main(String[] args) {
    Queue<String> q = new Queue<>();
    Process p1 = new Process(S4_19::producer, q);
    Process c1 = new Process(Baozi::consumer, q);
    p1.start();
    c1.start();
    System.out.println("主");
  }
}
