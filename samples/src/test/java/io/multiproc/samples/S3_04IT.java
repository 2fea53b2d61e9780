package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** s3-04: map over range(100) in a try-with-resources pool prints 0..99 once each. */
class S3_04IT {
  @Test
  void map_printsEachNumberOnce() {
    SampleRun.Output o = SampleRun.inThisJvm("s3-04");
    List<Integer> printed = o.lines().stream().map(Integer::parseInt).sorted().toList();
    assertEquals(IntStream.range(0, 100).boxed().toList(), printed, o.stdout());
  }
}
