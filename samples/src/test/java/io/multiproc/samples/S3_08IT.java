package io.multiproc.samples;

import org.junit.jupiter.api.Test;

/** s3-08: under lock.acquire/release, a stock of 3 sells exactly 3 times. */
class S3_08IT {
  @Test
  void acquireRelease_exactlyTheStockSold() {
    StockCheck.assertStockSold(SampleRun.inThisJvm("s3-08"));
  }
}
