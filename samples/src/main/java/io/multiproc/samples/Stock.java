package io.multiproc.samples;

import io.multiproc.Acquirable;
import io.multiproc.Lock;
import io.multiproc.Process;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The file-backed stock of seed 003 (s3-08, s3-09): ten buyers read the stock from a file, buy
 * one if any is left, and write it back, under a lock. The Python reads a file 'product' that it
 * does not show being made; the port makes a temporary one with a stock of {@value #STOCK}.
 */
final class Stock {
  static final int STOCK = 3;

  private Stock() {}

  /** One purchase: read, decrement if positive, print, write back. */
  static void buy(Integer i, String product) {
    try {
      Path file = Path.of(product);
      int num = Integer.parseInt(Files.readString(file).trim());
      if (num > 0) {
        num -= 1;
        System.out.println("子进程" + i + "抢购成功！");
      } else {
        System.out.println("子进程" + i + "抢购失败！");
      }
      Files.writeString(file, Integer.toString(num));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs ten buyers of {@code buyer} on a fresh stock file, waits for them, deletes the file. */
  static void run(io.multiproc.Target.With3<Integer, Acquirable, String> buyer) throws IOException {
    Path product = Files.createTempFile("product", "");
    Files.writeString(product, Integer.toString(STOCK));
    Lock lock = new Lock(); // 创建锁
    List<Process> ps = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Process p = new Process(buyer, i, lock, product.toString());
      p.start();
      ps.add(p);
    }
    ps.forEach(Process::join); // the port waits, to delete its temporary file
    Files.delete(product);
  }
}
