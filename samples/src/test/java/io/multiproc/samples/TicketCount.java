package io.multiproc.samples;

/** Counts in the output of the ticket samples (s4-15, s4-16). */
final class TicketCount {
  private TicketCount() {}

  /** Clients per run in the tests: enough for the race and the lock to show, a quarter of the JVMs. */
  static final int CLIENTS = 25;

  /** Runs ticket sample {@code id} in this JVM with {@link #CLIENTS} clients. */
  static SampleRun.Output run(String id) {
    System.setProperty(Tickets.CLIENTS, String.valueOf(CLIENTS));
    try {
      return SampleRun.inThisJvm(id);
    } finally {
      System.clearProperty(Tickets.CLIENTS);
    }
  }

  /** The lines of search(). */
  static long searches(SampleRun.Output o) {
    return o.lines().stream().filter(l -> l.matches("\033\\[43m剩余票数[01]\033\\[0m")).count();
  }

  /** The tickets sold. */
  static long sold(SampleRun.Output o) {
    return o.lines().stream().filter(l -> l.equals("\033[43m购票成功\033[0m")).count();
  }
}
