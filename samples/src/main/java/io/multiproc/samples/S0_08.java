package io.multiproc.samples;

import io.multiproc.Process;
import io.multiproc.Queue;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * s0-08: two writers (url1-3, url4-6), an endless reader, terminate() (seed 000, line 363).
 */
public final class S0_08 {
  private S0_08() {}

  // 写数据进程执行的代码
  static void procWrite(Queue<String> q, List<String> urls) throws InterruptedException {
    System.out.printf("Process(%d) is writing...%n", ProcessHandle.current().pid());
    for (String url : urls) {
      q.put(url);
      System.out.printf("Put %s to queue...%n", url);
      Thread.sleep((long) (ThreadLocalRandom.current().nextDouble() * 1000));
    }
  }

  // 读进程执行的代码
  static void procRead(Queue<String> q) {
    System.out.printf("Process(%d) is reading...%n", ProcessHandle.current().pid());
    while (true) {
      String url = q.get();
      System.out.printf("Get %s from queue.%n", url);
    }
  }

  public static void main(String[] args) throws InterruptedException {
    // 父进程创建Queue，并传给各个子进程
    Queue<String> q = new Queue<>();
    Process writer1 = new Process(S0_08::procWrite, q, List.of("url1", "url2", "url3"));
    Process writer2 = new Process(S0_08::procWrite, q, List.of("url4", "url5", "url6"));
    Process reader = new Process(S0_08::procRead, q);
    writer1.start();
    writer2.start();
    reader.start();
    writer1.join();
    writer2.join();
    // not in the source, which terminates at once and may cut the reader short: wait (at most
    // 10 s) until the reader took every url
    for (int i = 0; i < 1000 && !q.empty(); i++) {
      Thread.sleep(10);
    }
    // proc_reader进程里是死循环，无法等待其结束，要强行终止
    reader.terminate();
    reader.join();
  }
}
