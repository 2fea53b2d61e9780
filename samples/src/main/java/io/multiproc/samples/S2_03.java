package io.multiproc.samples;

import io.multiproc.AsyncResult;
import io.multiproc.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * s2-03: five tasks of random length on a pool of 4: the fifth waits for a free worker (seed 002,
 * line 113); the sleeps are up to 1.5 s instead of 3 s.
 */
public final class S2_03 {
  private S2_03() {}

  static Ran longTimeTask(int name) throws InterruptedException {
    System.out.printf("Run task %s (%s)...%n", name, ProcessHandle.current().pid());
    long start = System.currentTimeMillis();
    Thread.sleep((long) (ThreadLocalRandom.current().nextDouble() * 1500));
    long end = System.currentTimeMillis();
    System.out.printf("Task %s runs %.2f seconds.%n", name, (end - start) / 1000.0);
    return new Ran(name, ProcessHandle.current().pid(), start, end);
  }

  public static void main(String[] args) {
    long t0 = System.currentTimeMillis();
    System.out.printf("Parent process %s.%n", ProcessHandle.current().pid());
    Pool p = new Pool(4);
    List<AsyncResult<Ran>> results = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      results.add(p.applyAsync(S2_03::longTimeTask, i));
    }
    System.out.println("Waiting for all subprocesses done...");
    p.close();
    p.join();
    // not in the source: when each task ran (task 4 starts once one of 0-3 ended)
    results.forEach(r -> System.out.println(r.get().line(t0)));
    System.out.println("All subprocesses done.");
  }
}
