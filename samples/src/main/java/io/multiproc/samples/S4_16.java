package io.multiproc.samples;

import io.multiproc.Lock;
import java.io.IOException;
import java.nio.file.Path;

/**
 * s4-16: the same hundred clients with a Lock around {@code get}: buying is serial, and the one
 * ticket is sold once (seed 004, line 640).
 */
public final class S4_16 {
  private S4_16() {}

  static void task(Lock lock, String db) throws Exception {
    Tickets.search(Path.of(db));
    lock.acquire();
    Tickets.get(Path.of(db));
    lock.release();
  }

  public static void main(String[] args) throws IOException {
    Tickets.run(S4_16::task);
  }
}
