package io.multiproc.samples;

import io.multiproc.AsyncResult;
import io.multiproc.Pool;
import java.util.ArrayList;
import java.util.List;

/**
 * s4-30: the same ten calls with {@code applyAsync} (result objects first, values by get) and with
 * {@code apply} (values at once); the source's two programs run one after the other here (seed
 * 004, line 1326), the async one's sleep 0.2 s instead of 1 s.
 */
public final class S4_30 {
  private S4_30() {}

  static String func(String msg, long sleepMillis) throws InterruptedException {
    System.out.println("msg: " + msg);
    Thread.sleep(sleepMillis);
    return msg;
  }

  public static void main(String[] args) {
    System.out.println("#一：使用进程池（异步调用,apply_async）");
    asynchronous();
    System.out.println("#二：使用进程池（同步调用,apply）");
    synchronous();
  }

  private static void asynchronous() {
    Pool pool = new Pool(3);
    List<AsyncResult<String>> resL = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String msg = "hello " + i;
      resL.add(pool.applyAsync(S4_30::func, msg, 200L)); // 维持执行的进程总数为processes
    }
    System.out.println("==============================>");
    pool.close();
    pool.join(); // 调用join之前，先调用close函数，否则会出错
    System.out.println(resL); // AsyncResult 对象组成的列表,而非最终的结果
    for (AsyncResult<String> r : resL) {
      System.out.println(r.get()); // 使用get来获取apply_async的结果
    }
  }

  private static void synchronous() {
    Pool pool = new Pool(3);
    List<String> resL = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String msg = "hello " + i;
      resL.add(pool.apply(S4_30::func, msg, 100L)); // 同步执行，即执行完一个拿到结果，再去执行另外一个
    }
    System.out.println("==============================>");
    pool.close();
    pool.join();
    System.out.println(Py.repr(resL)); // 看到的就是最终的结果组成的列表
    for (String r : resL) {
      System.out.println(r);
    }
  }
}
