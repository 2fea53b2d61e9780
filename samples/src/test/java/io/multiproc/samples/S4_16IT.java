package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** s4-16: with a Lock around get, the one ticket is sold once. */
class S4_16IT {
  @Test
  void lockAroundGet_ticketSoldOnce() {
    SampleRun.Output o = TicketCount.run("s4-16");
    assertEquals(TicketCount.CLIENTS, TicketCount.searches(o), o.stdout());
    assertEquals(1, TicketCount.sold(o), o.stdout());
  }
}
