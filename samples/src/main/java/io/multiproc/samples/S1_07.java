package io.multiproc.samples;

import io.multiproc.PicklingError;
import io.multiproc.Process;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * s1-07: a thread queue (it holds a lock) cannot be passed to a process; start() refuses it at
 * once (seed 001, line 205).
 */
public final class S1_07 {
  private S1_07() {}

  static void f(BlockingQueue<List<Object>> qq) throws InterruptedException {
    qq.put(Arrays.asList(42, null, "heelo"));
  }

  static void hello() {
    System.out.println("a process with nothing unsendable runs as usual");
  }

  public static void main(String[] args) {
    BlockingQueue<List<Object>> q = new LinkedBlockingQueue<>();
    Process p = new Process(S1_07::f, q); // 将父进程q传给子进程
    try {
      p.start();
      System.out.println(q.poll());
    } catch (PicklingError e) {
      System.out.println("start() failed: " + e.getMessage());
    }
    Process ok = new Process(S1_07::hello);
    ok.start();
    ok.join();
  }
}
