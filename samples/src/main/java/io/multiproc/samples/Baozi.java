package io.multiproc.samples;

import io.multiproc.JoinableQueue;
import io.multiproc.Queue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The producers and consumers of seed 004's producer-consumer examples (厨师 and 吃货). The source
 * sleeps a random 1 to 3 seconds per item; these sleep a tenth of that, which keeps the lesson
 * and lets the samples end in seconds.
 */
final class Baozi {
  private Baozi() {}

  static void pause() throws InterruptedException {
    Thread.sleep(ThreadLocalRandom.current().nextInt(1, 4) * 100L);
  }

  static void eat(Object res) throws InterruptedException {
    pause();
    System.out.printf("\033[45m%d 吃 %s\033[0m%n", ProcessHandle.current().pid(), res);
  }

  static void produce(Queue<String> q, String res) throws InterruptedException {
    pause();
    q.put(res);
    System.out.printf("\033[44m%d 生产了 %s\033[0m%n", ProcessHandle.current().pid(), res);
  }

  /** A producer of {@code n} items named {@code name0}, {@code name1}, … */
  static void producer(String name, Integer n, Queue<String> q) throws InterruptedException {
    for (int i = 0; i < n; i++) {
      produce(q, name + i);
    }
  }

  /** A consumer that stops at the end signal, None. */
  static void consumer(Queue<String> q) throws InterruptedException {
    while (true) {
      String res = q.get();
      if (res == null) {
        break; // 收到结束信号则结束
      }
      eat(res);
    }
  }

  /** The JoinableQueue consumer: marks each item done after eating it. */
  static void joinableConsumer(JoinableQueue<String> q) throws InterruptedException {
    while (true) {
      String res = q.get();
      eat(res);
      q.taskDone(); // 向q.join()发送一次信号,证明一个数据已经被取走了
    }
  }

  /** The JoinableQueue producer: returns only once all it put was eaten. */
  static void joinableProducer(String name, JoinableQueue<String> q) throws InterruptedException {
    producer(name, 10, q);
    q.join();
  }
}
