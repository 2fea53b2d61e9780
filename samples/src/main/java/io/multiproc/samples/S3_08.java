package io.multiproc.samples;

import io.multiproc.Acquirable;
import java.io.IOException;

/** s3-08: ten buyers of a file-backed stock under lock.acquire/release (seed 003, line 149). */
public final class S3_08 {
  private S3_08() {}

  static void buy(Integer i, Acquirable lock, String product) {
    lock.acquire(); // 加锁
    Stock.buy(i, product);
    lock.release(); // 解锁
  }

  public static void main(String[] args) throws IOException {
    Stock.run(S3_08::buy);
  }
}
