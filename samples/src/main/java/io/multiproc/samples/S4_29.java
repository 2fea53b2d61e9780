package io.multiproc.samples;

import io.multiproc.AsyncResult;
import io.multiproc.Pool;
import java.util.ArrayList;
import java.util.List;

/**
 * s4-29: {@code applyAsync} ten times, close, join, then {@code get} each result (seed 004, line
 * 1302); the sleep is 0.2 s instead of 3 s.
 */
public final class S4_29 {
  private S4_29() {}

  static int work(int n) throws InterruptedException {
    System.out.printf("%s run%n", ProcessHandle.current().pid());
    Thread.sleep(200);
    return n * n;
  }

  public static void main(String[] args) {
    Pool p = new Pool(3);
    List<AsyncResult<Integer>> resL = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      resL.add(p.applyAsync(S4_29::work, i));
    }
    // 如果使用异步提交的任务，主进程需要使用join，等待进程池内任务都处理完，然后可以用get收集结果
    p.close();
    p.join();
    for (AsyncResult<Integer> res : resL) {
      System.out.println(res.get());
    }
  }
}
