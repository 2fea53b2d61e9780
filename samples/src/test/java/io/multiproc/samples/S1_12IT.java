package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** s1-12: the third receive finds nothing (the parent's copy keeps the pipe open), then EOF. */
class S1_12IT {
  @Test
  void thirdReceive_blocksWhileParentHoldsACopy_thenEof() {
    List<String> l = SampleRun.inThisJvm("s1-12").lines();
    assertEquals(4, l.size(), String.join("\n", l));
    assertEquals("[42, None, 'hello from child2']", l.get(1));
    assertTrue(l.get(2).startsWith("(no third message within 2 s: recv() would wait for ever"), l.get(2));
    assertEquals("EOFError: every copy of child_conn is closed now", l.get(3));
  }
}
