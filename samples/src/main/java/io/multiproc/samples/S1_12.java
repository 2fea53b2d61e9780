package io.multiproc.samples;

import io.multiproc.Pipe;
import io.multiproc.Process;
import java.io.EOFException;
import java.time.Duration;

/**
 * s1-12: the child sends two messages, the parent asks for three (seed 001, line 319). The third
 * recv() would wait for ever, as in CPython: the parent itself still holds a copy of child_conn,
 * so the pipe is not at its end. The port waits 2 s with poll() to show it, then closes that copy:
 * the third recv() then ends with EOFError.
 */
public final class S1_12 {
  private S1_12() {}

  public static void main(String[] args) throws EOFException {
    Pipe pipe = Pipe.open();
    Process p = new Process(S1_10::f, pipe.right()); // sends two, then closes its copy
    p.start();
    System.out.println(Py.repr(pipe.left().recv()));
    System.out.println(Py.repr(pipe.left().recv()));
    if (!pipe.left().poll(Duration.ofSeconds(2))) { // 对端发送两次,本段接收三次
      System.out.println("(no third message within 2 s: recv() would wait for ever, since this"
          + " process still holds its own copy of child_conn)");
    }
    pipe.right().close(); // the last open copy of child_conn
    try {
      pipe.left().recv();
    } catch (EOFException e) {
      System.out.println("EOFError: every copy of child_conn is closed now");
    }
    p.join();
  }
}
