package io.multiproc.samples;

import io.multiproc.Connection;
import io.multiproc.Pipe;
import io.multiproc.Process;
import java.io.EOFException;
import java.util.List;

/** s4-24: a request/response adder over a Pipe (seed 004, line 1058). */
public final class S4_24 {
  private S4_24() {}

  static void adder(Pipe p, String name) {
    Connection server = p.left();
    Connection client = p.right();
    client.close();
    while (true) {
      List<?> xy;
      try {
        xy = (List<?>) server.recv();
      } catch (EOFException e) {
        server.close();
        break;
      }
      int res = (Integer) xy.get(0) + (Integer) xy.get(1);
      server.send(res);
    }
    System.out.println("server done");
  }

  public static void main(String[] args) throws EOFException {
    Pipe pipe = Pipe.open();
    Connection server = pipe.left();
    Connection client = pipe.right();
    Process c1 = new Process(S4_24::adder, pipe, "c1");
    c1.start();
    server.close();
    client.send(List.of(10, 20));
    System.out.println(client.recv());
    client.close();
    c1.join();
    System.out.println("主进程");
  }
}
