package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Checks of the file-backed stock samples (s3-08, s3-09). */
final class StockCheck {
  private StockCheck() {}

  /** With a stock of 3, exactly 3 of the 10 buyers succeed, each buyer once. */
  static void assertStockSold(SampleRun.Output o) {
    List<String> lines = o.lines();
    assertEquals(10, lines.size(), o.stdout());
    assertEquals(Stock.STOCK, lines.stream().filter(l -> l.endsWith("抢购成功！")).count(),
        o.stdout());
    assertEquals(10 - Stock.STOCK, lines.stream().filter(l -> l.endsWith("抢购失败！")).count(),
        o.stdout());
    Set<String> buyers = lines.stream().map(l -> l.replaceAll("抢购.*", ""))
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(IntStream.range(0, 10).mapToObj(i -> "子进程" + i)
        .collect(Collectors.toCollection(TreeSet::new)), buyers, o.stdout());
  }
}
