package io.multiproc.samples;

import io.multiproc.Connection;
import io.multiproc.Pipe;
import io.multiproc.Process;
import java.io.EOFException;
import java.util.Arrays;

/** s1-10: the child sends two messages, the parent receives one (seed 001, line 282). */
public final class S1_10 {
  private S1_10() {}

  static void f(Connection conn) {
    conn.send(Arrays.asList(42, null, "hello from child1"));
    conn.send(Arrays.asList(42, null, "hello from child2")); // 发送两次数据
    conn.close();
  }

  public static void main(String[] args) throws EOFException {
    Pipe pipe = Pipe.open();
    Process p = new Process(S1_10::f, pipe.right());
    p.start();
    System.out.println(Py.repr(pipe.left().recv()));
    p.join();
  }
}
