package io.multiproc.samples;

import io.multiproc.Barrier;
import io.multiproc.Lock;
import java.io.IOException;
import java.nio.file.Path;

/**
 * s4-15: a hundred clients buy the one ticket of a file without a lock: several may read the
 * count before any writes it, and the ticket is sold more than once (seed 004, line 610).
 */
public final class S4_15 {
  private S4_15() {}

  static void task(Lock lock, String db, Barrier startLine) throws Exception {
    startLine.await();
    Tickets.search(Path.of(db));
    Tickets.get(Path.of(db));
  }

  public static void main(String[] args) throws IOException {
    Tickets.runFromStartLine(S4_15::task);
  }
}
