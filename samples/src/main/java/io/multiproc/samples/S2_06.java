package io.multiproc.samples;

import io.multiproc.Process;
import io.multiproc.Queue;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** s2-06: a writer puts A, B, C; an endless reader gets them; terminate() (seed 002, line 242). */
public final class S2_06 {
  private S2_06() {}

  // 写数据进程执行的代码:
  static void write(Queue<String> q) throws InterruptedException {
    System.out.println("Process to write: " + ProcessHandle.current().pid());
    for (String value : List.of("A", "B", "C")) {
      System.out.printf("Put %s to queue...%n", value);
      q.put(value);
      Thread.sleep((long) (ThreadLocalRandom.current().nextDouble() * 1000));
    }
  }

  // 读数据进程执行的代码:
  static void read(Queue<String> q) {
    System.out.println("Process to read: " + ProcessHandle.current().pid());
    while (true) {
      String value = q.get();
      System.out.printf("Get %s from queue.%n", value);
    }
  }

  public static void main(String[] args) throws InterruptedException {
    Queue<String> q = new Queue<>(); // 父进程创建Queue，并传给各个子进程
    Process pw = new Process(S2_06::write, q);
    Process pr = new Process(S2_06::read, q);
    pw.start();
    pr.start();
    pw.join();
    // not in the source: wait (at most 10 s) until the reader took every value before ending it
    for (int i = 0; i < 1000 && !q.empty(); i++) {
      Thread.sleep(10);
    }
    pr.terminate(); // pr进程里是死循环，无法等待其结束，只能强行终止
    pr.join();
  }
}
