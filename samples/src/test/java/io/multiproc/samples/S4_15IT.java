package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * s4-15: without a lock, a hundred clients oversell the one ticket. (A client may also read the
 * file while another rewrites it and fail on the half-written file, as Python's json.load does.)
 */
class S4_15IT {
  @Test
  void noLock_ticketOversold() {
    SampleRun.Output o = TicketCount.run("s4-15");
    assertTrue(TicketCount.searches(o) > 1, o.stdout());
    assertTrue(TicketCount.sold(o) > 1, "the one ticket was sold " + TicketCount.sold(o) + " times:\n" + o.stdout());
  }
}
