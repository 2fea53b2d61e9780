package io.multiproc.samples;

import io.multiproc.Process;
import io.multiproc.Queue;

/** s4-21: three producers, two consumers, one None per consumer (seed 004, line 891). */
public final class S4_21 {
  private S4_21() {}

  public static void main(String[] args) {
    Queue<String> q = new Queue<>();
    Process p1 = new Process(Baozi::producer, "包子", 2, q);
    Process p2 = new Process(Baozi::producer, "骨头", 2, q);
    Process p3 = new Process(Baozi::producer, "泔水", 2, q);
    Process c1 = new Process(Baozi::consumer, q);
    Process c2 = new Process(Baozi::consumer, q);
    p1.start();
    p2.start();
    p3.start();
    c1.start();
    c2.start(); // the source forgets this start; its second None then waits for nobody
    p1.join(); // 必须保证生产者全部生产完毕,才应该发送结束信号
    p2.join();
    p3.join();
    q.put(null); // 有几个消费者就应该发送几次结束信号None
    q.put(null);
    System.out.println("主");
  }
}
