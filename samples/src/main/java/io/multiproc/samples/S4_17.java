package io.multiproc.samples;

import io.multiproc.Queue;

/** s4-17: Queue(3) filled, full, emptied, empty (seed 004, line 728). */
public final class S4_17 {
  private S4_17() {}

  public static void main(String[] args) {
    Queue<Integer> q = new Queue<>(3);
    // put, get, put_nowait, get_nowait, full, empty
    q.put(3);
    q.put(3);
    q.put(3);
    System.out.println(Py.repr(q.full())); // 满了
    System.out.println(q.get());
    System.out.println(q.get());
    System.out.println(q.get());
    System.out.println(Py.repr(q.empty())); // 空了
  }
}
