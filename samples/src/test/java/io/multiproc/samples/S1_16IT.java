package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** s1-16: ten whole lines "hello world i", none interleaved. */
class S1_16IT {
  @Test
  void lockAroundPrint_tenWholeLines() {
    SampleRun.Output o = SampleRun.inThisJvm("s1-16");
    Set<String> expected = IntStream.range(0, 10).mapToObj(i -> "hello world " + i)
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(10, o.lines().size(), o.stdout());
    assertEquals(expected, new TreeSet<>(o.lines()), o.stdout());
  }
}
