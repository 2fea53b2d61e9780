package io.multiproc.samples;

import io.multiproc.Pool;
import java.util.ArrayList;
import java.util.List;

/**
 * s1-17: {@code apply} blocks, so ten tasks on a pool of 5 run one after another (seed 001, line
 * 491); the sleep is 0.2 s instead of 2 s.
 */
public final class S1_17 {
  private S1_17() {}

  static Ran foo(int i) throws InterruptedException {
    long start = System.currentTimeMillis();
    Thread.sleep(200);
    System.out.println("in process " + ProcessHandle.current().pid()); // 打印进程id
    return Ran.since(i, start); // the source returns i + 100, unused
  }

  public static void main(String[] args) {
    long t0 = System.currentTimeMillis();
    Pool pool = new Pool(5); // 同时只能放入5个进程
    List<Ran> ran = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ran.add(pool.apply(S1_17::foo, i)); // pool.apply: 串行
    }
    System.out.println("end");
    long end = System.currentTimeMillis();
    pool.close();
    pool.join();
    // not in the source: each task began after the one before it ended
    ran.forEach(r -> System.out.println(r.line(t0)));
    System.out.printf("end: +%d ms%n", end - t0);
  }
}
