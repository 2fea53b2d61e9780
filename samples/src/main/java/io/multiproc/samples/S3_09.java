package io.multiproc.samples;

import io.multiproc.Acquirable;
import java.io.IOException;

/** s3-09: the same buyers with {@code with lock:}, that is try-with-resources (seed 003, line 179). */
public final class S3_09 {
  private S3_09() {}

  static void buy(Integer i, Acquirable lock, String product) {
    try (var held = lock.hold()) {
      Stock.buy(i, product);
    }
  }

  public static void main(String[] args) throws IOException {
    Stock.run(S3_09::buy);
  }
}
