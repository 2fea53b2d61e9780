package io.multiproc.samples;

import io.multiproc.Connection;
import io.multiproc.Pipe;
import io.multiproc.Process;
import java.io.EOFException;
import java.util.Arrays;

/** s1-09: the child sends one message through a Pipe; the parent prints it (seed 001, line 264). */
public final class S1_09 {
  private S1_09() {}

  static void f(Connection conn) {
    conn.send(Arrays.asList(42, null, "hello from child1")); // 发送数据给parent_conn
    conn.close(); // 发完数据需要关闭
  }

  public static void main(String[] args) throws EOFException {
    Pipe pipe = Pipe.open(); // 生成管道: two ends, like two telephones on one line
    Connection parentConn = pipe.left();
    Connection childConn = pipe.right();
    Process p = new Process(S1_09::f, childConn); // child_conn需要传给对端,用于send数据给parent_conn
    p.start();
    System.out.println(Py.repr(parentConn.recv())); // parent_conn在这端,用于recv数据
    p.join();
  }
}
