package io.multiproc.samples;

import org.junit.jupiter.api.Test;

/** s3-09: under try-with-resources, a stock of 3 sells exactly 3 times. */
class S3_09IT {
  @Test
  void tryWithResources_exactlyTheStockSold() {
    StockCheck.assertStockSold(SampleRun.inThisJvm("s3-09"));
  }
}
