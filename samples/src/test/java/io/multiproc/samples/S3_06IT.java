package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** s3-06: True, 3, 1, 2, 3, True. */
class S3_06IT {
  @Test
  void boundedQueue_asCPythonPrintsIt() {
    assertEquals(List.of("True", "3", "1", "2", "3", "True"), SampleRun.inThisJvm("s3-06").lines());
  }
}
