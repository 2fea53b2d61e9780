package io.multiproc.samples;

import io.multiproc.Process;
import io.multiproc.Queue;
import java.time.Duration;

/** s0-07: one writer puts five messages, one reader gets them with get(True, 2) (seed 000, line 323). */
public final class S0_07 {
  private S0_07() {}

  static void write(Queue<String> q) {
    if (!q.full()) {
      for (int i = 0; i < 5; i++) {
        String message = "消息" + i;
        q.put(message);
        System.out.println("写入:" + message);
      }
    }
  }

  static void read(Queue<String> q) throws InterruptedException {
    Thread.sleep(1000);
    while (!q.empty()) {
      System.out.println("读取:" + q.get(true, Duration.ofSeconds(2)));
    }
  }

  public static void main(String[] args) {
    System.out.println(Py.center("主进程开始", 100, '*'));
    Queue<String> q = new Queue<>();
    Process pw = new Process(S0_07::write, q);
    Process pr = new Process(S0_07::read, q);
    pw.start();
    pr.start();
    pw.join();
    pr.join();
    System.out.println(Py.center("主进程结束", 100, '*'));
  }
}
