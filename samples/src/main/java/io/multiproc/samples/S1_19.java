package io.multiproc.samples;

import io.multiproc.AsyncResult;
import io.multiproc.Pool;
import java.util.ArrayList;
import java.util.List;

/**
 * s1-19: applyAsync, close, join: "end" comes first, then the ten tasks in waves of 5 (seed 001,
 * line 555); the sleep is 1 s instead of 2 s.
 */
public final class S1_19 {
  private S1_19() {}

  static Ran foo(int i) throws InterruptedException {
    long start = System.currentTimeMillis();
    Thread.sleep(1000);
    System.out.println("in process " + ProcessHandle.current().pid());
    return Ran.since(i, start); // the source returns i + 100, unused
  }

  public static void main(String[] args) {
    long t0 = System.currentTimeMillis();
    Pool pool = new Pool(5);
    List<AsyncResult<Ran>> results = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      results.add(pool.applyAsync(S1_19::foo, i));
    }
    System.out.println("end");
    pool.close();
    pool.join();
    // not in the source: when each task ran, which shows the waves of 5
    results.forEach(r -> System.out.println(r.get().line(t0)));
  }
}
