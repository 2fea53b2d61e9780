package io.multiproc.samples;

import io.multiproc.Connection;
import io.multiproc.Pipe;
import io.multiproc.Process;
import java.io.EOFException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * s0-09: a sender sends ten urls through a Pipe, an endless receiver prints them, terminate()
 * (seed 000, line 436). The source's random sleeps of up to 1 s are a tenth of that here.
 */
public final class S0_09 {
  private S0_09() {}

  static void procSend(Connection pipe, List<String> urls) throws InterruptedException {
    for (String url : urls) {
      System.out.printf("Process(%d) send :%s%n", ProcessHandle.current().pid(), url);
      pipe.send(url);
      Thread.sleep((long) (ThreadLocalRandom.current().nextDouble() * 100));
    }
  }

  static void procRecv(Connection pipe) throws EOFException, InterruptedException {
    while (true) {
      System.out.printf("Process(%d) rev:%s%n", ProcessHandle.current().pid(), pipe.recv());
      Thread.sleep((long) (ThreadLocalRandom.current().nextDouble() * 100));
    }
  }

  public static void main(String[] args) throws InterruptedException {
    Pipe pipe = Pipe.open();
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      urls.add("url_" + i);
    }
    Process p1 = new Process(S0_09::procSend, pipe.left(), urls);
    Process p2 = new Process(S0_09::procRecv, pipe.right());
    p1.start();
    p2.start();
    p1.join();
    // not in the source, which terminates at once: wait (at most 10 s) until the receiver took
    // every url. Its print of the last one can still be cut short by terminate(), as in CPython.
    for (int i = 0; i < 1000 && pipe.right().poll(); i++) {
      Thread.sleep(10);
    }
    p2.terminate();
    p2.join();
  }
}
