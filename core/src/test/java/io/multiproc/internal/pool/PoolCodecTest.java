package io.multiproc.internal.pool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiproc.internal.sync.Reply;
import io.multiproc.internal.wire.LaneCodec;
import io.multiproc.internal.wire.Wire;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** The pool's messages travel in their compact form and come back with every field. */
class PoolCodecTest {
  private static Object roundTrip(Object m) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LaneCodec.write((Wire) m, out);
    byte[] frame = out.toByteArray();
    assertTrue(frame[0] >= 70 && frame[0] <= 72, "compact form for " + m + ": kind " + frame[0]);
    return LaneCodec.read(frame, 0);
  }

  @Test
  void next_initFailed_andChunk_roundTripEveryField() throws Exception {
    PoolState.Next n = (PoolState.Next) roundTrip(
        new PoolState.Next(1, 2, 3, new byte[] {4, 5}, true, false, null));
    assertEquals(1, n.id());
    assertEquals(2, n.worker());
    assertEquals(3, n.done());
    assertArrayEquals(new byte[] {4, 5}, n.results());
    assertTrue(n.failed());
    assertTrue(!n.retiring());
    assertNull(((PoolState.Next) roundTrip(new PoolState.Next(6, 7, 0, null, false, true,
        null))).results());
    PoolState.InitFailed f = (PoolState.InitFailed) roundTrip(
        new PoolState.InitFailed(8, 9, new byte[] {10}, null));
    assertEquals(8, f.id());
    assertEquals(9, f.worker());
    assertArrayEquals(new byte[] {10}, f.failure());
    Reply.Answer a = (Reply.Answer) roundTrip(
        new Reply.Answer(11, new PoolState.Chunk(12, 13, new byte[] {14}, new byte[] {15, 16})));
    PoolState.Chunk c = (PoolState.Chunk) a.value();
    assertEquals(11, a.id());
    assertEquals(12, c.chunk());
    assertEquals(13, c.function());
    assertArrayEquals(new byte[] {14}, c.code());
    assertArrayEquals(new byte[] {15, 16}, c.args());
    assertNull(((PoolState.Chunk) ((Reply.Answer) roundTrip(new Reply.Answer(17,
        new PoolState.Chunk(18, 19, null, new byte[0])))).value()).code());
  }
}
