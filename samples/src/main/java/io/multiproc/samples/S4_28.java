package io.multiproc.samples;

import io.multiproc.Pool;
import java.util.ArrayList;
import java.util.List;

/**
 * s4-28: synchronous {@code apply} on a pool of 3: the same three workers run all ten tasks
 * (seed 004, line 1283); the sleep is 0.2 s instead of 3 s.
 */
public final class S4_28 {
  private S4_28() {}

  static int work(int n) throws InterruptedException {
    System.out.printf("%s run%n", ProcessHandle.current().pid());
    Thread.sleep(200);
    return n * n;
  }

  public static void main(String[] args) {
    Pool p = new Pool(3); // 进程池中从无到有创建三个进程,以后一直是这三个进程在执行任务
    List<Integer> resL = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      int res = p.apply(S4_28::work, i); // 同步调用，直到本次任务执行完毕拿到res
      resL.add(res);
    }
    System.out.println(Py.repr(resL));
    p.close(); // not in the source, which leaves the workers to the interpreter's exit
    p.join();
  }
}
