package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** s0-09: url_0..url_9 sent in order and received in order by the other pid. */
class S0_09IT {
  @Test
  void pipe_urlsSentAndReceivedInOrder_byAnotherPid() {
    SampleRun.Output o = SampleRun.inThisJvm("s0-09");
    List<String> sent = new ArrayList<>();
    List<String> received = new ArrayList<>();
    List<Long> senders = o.numbers("Process\\((\\d+)\\) send :");
    List<Long> receivers = o.numbers("Process\\((\\d+)\\) rev:");
    for (String l : o.lines()) {
      if (l.contains(") send :")) {
        sent.add(l.substring(l.indexOf(":") + 1));
      } else if (l.contains(") rev:")) {
        received.add(l.substring(l.indexOf(":") + 1));
      }
    }
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      urls.add("url_" + i);
    }
    assertEquals(urls, sent, o.stdout());
    // terminate() may cut the print of the very last url short, as in CPython
    assertTrue(received.size() >= 9, o.stdout());
    assertEquals(urls.subList(0, received.size()), received, "in order, each once");
    assertEquals(1, senders.stream().distinct().count());
    assertEquals(1, receivers.stream().distinct().count());
    assertTrue(!senders.get(0).equals(receivers.get(0)), "two processes");
  }
}
