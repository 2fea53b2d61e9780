package io.multiproc.samples;

import io.multiproc.Connection;
import io.multiproc.Pipe;
import io.multiproc.Process;
import java.io.EOFException;
import java.util.stream.IntStream;

/**
 * s4-23: a Pipe producer and consumer; each closes the end it does not use, and EOFError ends
 * the consumer (seed 004, line 1020).
 */
public final class S4_23 {
  private S4_23() {}

  static void consumer(Pipe p, String name) {
    Connection left = p.left();
    Connection right = p.right();
    left.close();
    while (true) {
      try {
        Object baozi = right.recv();
        System.out.printf("%s 收到包子:%s%n", name, baozi);
      } catch (EOFException e) {
        right.close();
        break;
      }
    }
  }

  static void producer(Iterable<Integer> seq, Pipe p) {
    Connection left = p.left();
    Connection right = p.right();
    right.close();
    for (int i : seq) {
      left.send(i);
    }
    left.close();
  }

  public static void main(String[] args) {
    Pipe pipe = Pipe.open();
    Process c1 = new Process(S4_23::consumer, pipe, "c1");
    c1.start();
    producer(IntStream.range(0, 10).boxed()::iterator, pipe);
    pipe.right().close();
    pipe.left().close();
    c1.join();
    System.out.println("主进程");
  }
}
