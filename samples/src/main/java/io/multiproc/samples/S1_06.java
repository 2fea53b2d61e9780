package io.multiproc.samples;

import io.multiproc.Process;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * s1-06: a child uses the parent's global queue without being given it, and fails: memory is
 * not shared (seed 001, line 176).
 */
public final class S1_06 {
  private S1_06() {}

  /** Set by main() in the parent; a child JVM never ran main(), so there it is still null. */
  static BlockingQueue<List<Object>> q;

  static void f() throws InterruptedException {
    q.put(Arrays.asList(42, null, "heelo")); // 这里的q属于主进程
  }

  public static void main(String[] args) throws InterruptedException {
    q = new LinkedBlockingQueue<>(); // 主进程起的q
    Process p = new Process(S1_06::f);
    p.start();
    // Python's q.get() would wait for ever; the port waits 3 s so that the program ends
    List<Object> got = q.poll(3, TimeUnit.SECONDS);
    System.out.println(got == null ? "nothing arrived: the child's q is not the parent's q" : got);
    p.join();
    System.out.println("child exit code: " + p.exitcode());
  }
}
