package io.multiproc.samples;

import io.multiproc.Process;
import io.multiproc.Queue;

/**
 * s4-18: a producer makes ten baozi, a consumer that loops for ever eats them (seed 004, line
 * 765). The source never ends; this port's consumer stops after the ten, and says so.
 */
public final class S4_18 {
  private S4_18() {}

  static void consumer(Queue<String> q) throws InterruptedException {
    for (int eaten = 0; eaten < 10; eaten++) { // the source: while True
      String res = q.get();
      Baozi.eat(res);
    }
  }

  public static void main(String[] args) {
    Queue<String> q = new Queue<>();
    Process p1 = new Process(Baozi::producer, "包子", 10, q); // 生产者们:即厨师们
    Process c1 = new Process(S4_18::consumer, q); // 消费者们:即吃货们
    p1.start();
    c1.start();
    System.out.println("主");
    p1.join();
    c1.join();
    System.out.println("(the source's consumer loops for ever and the program never ends; this"
        + " port's stops after the 10 items)");
  }
}
