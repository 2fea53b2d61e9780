package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** s0-07: five writes, then five reads in FIFO order, between centred banners. */
class S0_07IT {
  @Test
  void writerThenReader_fifo_banners() {
    SampleRun.Output o = SampleRun.inThisJvm("s0-07");
    List<String> l = o.lines();
    String stars = "*".repeat(47);
    assertEquals(stars + "主进程开始" + "*".repeat(48), l.get(0));
    List<String> writes = new ArrayList<>();
    List<String> reads = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      writes.add("写入:消息" + i);
      reads.add("读取:消息" + i);
    }
    assertEquals(writes, l.stream().filter(x -> x.startsWith("写入")).toList());
    assertEquals(reads, l.stream().filter(x -> x.startsWith("读取")).toList());
    assertEquals(stars + "主进程结束" + "*".repeat(48), l.get(l.size() - 1));
    assertEquals(12, l.size(), o.stdout());
  }
}
