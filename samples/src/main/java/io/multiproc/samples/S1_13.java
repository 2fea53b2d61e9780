package io.multiproc.samples;

import io.multiproc.Connection;
import io.multiproc.Pipe;
import io.multiproc.Process;
import java.io.EOFException;
import java.util.Arrays;

/** s1-13: both directions over one Pipe (seed 001, line 340). */
public final class S1_13 {
  private S1_13() {}

  static void f(Connection conn) throws EOFException {
    conn.send(Arrays.asList(42, null, "hello from child1"));
    conn.send(Arrays.asList(42, null, "hello from child2")); // 发送两次数据
    System.out.println(Py.str(conn.recv())); // 接收数据
    conn.close();
  }

  public static void main(String[] args) throws EOFException {
    Pipe pipe = Pipe.open();
    Process p = new Process(S1_13::f, pipe.right());
    p.start();
    System.out.println(Py.repr(pipe.left().recv()));
    System.out.println(Py.repr(pipe.left().recv()));
    pipe.left().send("data from parent_conn"); // 发送数据
    p.join();
  }
}
