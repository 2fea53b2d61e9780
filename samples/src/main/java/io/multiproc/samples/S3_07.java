package io.multiproc.samples;

import io.multiproc.Process;
import io.multiproc.Queue;
import java.util.Arrays;

/** s3-07: the child reads until a falsy item; the main puts 1, '0', False, 1.1 (seed 003, line 130). */
public final class S3_07 {
  private S3_07() {}

  static void foo(Queue<Object> q) {
    Object val = q.get();
    while (Py.truthy(val)) { // Python's "while val:"
      System.out.println(Py.str(val));
      val = q.get();
    }
  }

  public static void main(String[] args) {
    Queue<Object> q = new Queue<>();
    Process p = new Process(S3_07::foo, q);
    p.start();
    for (Object val : Arrays.asList(1, "0", false, 1.1)) {
      q.put(val);
    }
    p.join();
  }
}
