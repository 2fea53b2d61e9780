package io.multiproc.samples;

import io.multiproc.Pipe;
import io.multiproc.Process;
import java.io.EOFException;

/** s1-11: the child sends two messages, the parent receives both (seed 001, line 299). */
public final class S1_11 {
  private S1_11() {}

  public static void main(String[] args) throws EOFException {
    Pipe pipe = Pipe.open();
    Process p = new Process(S1_10::f, pipe.right()); // the same f: it sends two
    p.start();
    System.out.println(Py.repr(pipe.left().recv()));
    System.out.println(Py.repr(pipe.left().recv())); // 第二次接收数据
    p.join();
  }
}
