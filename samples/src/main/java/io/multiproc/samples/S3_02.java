package io.multiproc.samples;

import io.multiproc.Process;
import java.util.ArrayList;
import java.util.List;

/** s3-02: five processes, all started first, then all joined (seed 003, line 30). */
public final class S3_02 {
  private S3_02() {}

  static void foo(Integer num) {
    System.out.println(num);
  }

  public static void main(String[] args) {
    List<Process> mp = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Process p = new Process(S3_02::foo, i);
      mp.add(p);
      p.start();
      // p.join()  wrong here: it would block the main process before the next start
    }
    for (Process p : mp) {
      p.join(); // right
    }
  }
}
