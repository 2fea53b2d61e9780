package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** s3-02: five processes print 0..4 once each. */
class S3_02IT {
  @Test
  void fiveProcesses_printZeroToFourOnce() {
    SampleRun.Output o = SampleRun.inThisJvm("s3-02");
    assertEquals(List.of("0", "1", "2", "3", "4"), o.lines().stream().sorted().toList(), o.stdout());
  }
}
