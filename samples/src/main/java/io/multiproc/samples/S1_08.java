package io.multiproc.samples;

import io.multiproc.Process;
import io.multiproc.Queue;
import java.util.Arrays;
import java.util.List;

/** s1-08: a multiprocessing Queue passed to the child; the parent gets its list (seed 001, line 241). */
public final class S1_08 {
  private S1_08() {}

  static void f(Queue<List<Object>> q) {
    q.put(Arrays.asList(42, null, "heelo"));
  }

  public static void main(String[] args) {
    Queue<List<Object>> q = new Queue<>();
    Process p = new Process(S1_08::f, q); // 将父进程q传给子进程
    p.start();
    System.out.println(Py.repr(q.get()));
    p.join();
  }
}
