package io.multiproc.samples;

import io.multiproc.AsyncResult;
import io.multiproc.Pool;
import java.util.ArrayList;
import java.util.List;

/**
 * s4-34: no callback: the main gathers every result after {@code join()} (seed 004, line 1542);
 * the sleep is 0.2 s instead of 1 s.
 */
public final class S4_34 {
  private S4_34() {}

  static int work(int n) throws InterruptedException {
    Thread.sleep(200);
    return n * n;
  }

  public static void main(String[] args) {
    Pool p = new Pool();
    List<AsyncResult<Integer>> resL = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      resL.add(p.applyAsync(S4_34::work, i));
    }
    p.close();
    p.join(); // 等待进程池中所有进程执行完毕
    List<Integer> nums = new ArrayList<>();
    for (AsyncResult<Integer> res : resL) {
      nums.add(res.get()); // 拿到所有结果
    }
    System.out.println(Py.repr(nums)); // 主进程拿到所有的处理结果,可以在主进程中进行统一进行处理
  }
}
