package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** s3-07: 1 and '0' printed, the falsy False stops the child. */
class S3_07IT {
  @Test
  void readsUntilFalsy_printsOneAndZero() {
    assertEquals(List.of("1", "0"), SampleRun.inThisJvm("s3-07").lines());
  }
}
