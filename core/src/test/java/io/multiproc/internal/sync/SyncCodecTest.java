package io.multiproc.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiproc.internal.wire.LaneCodec;
import io.multiproc.internal.wire.Wire;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The primitives' hot messages travel on a lane in their compact form and come back equal. */
class SyncCodecTest {
  private static byte[] encode(Object m) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LaneCodec.write((Wire) m, out);
    return out.toByteArray();
  }

  @Test
  void hotMessages_compactForm_roundTripEqual() throws Exception {
    List<Object> messages = List.of(new Reply.Ok(1), new Reply.No(2), new Reply.Recall(3),
        new Reply.Revoke(4), new Reply.Failed(5, "cannot release un-acquired lock"),
        new Reply.Answer(6, 42), new Reply.Answer(7, 2.5), new Reply.Answer(8, 'x'),
        new Reply.Answer(9, true), new Reply.Answer(10, (byte) -3), new Reply.Answer(11, 7L),
        new ValueState.Get(12, 3, null), new ValueState.Put(13, 0, (short) 9, null),
        new LockState.Acquire(14, true, -1, null, "Process-1 (pid 7)"),
        new LockState.Return(14), new LockState.Busy(14), new LockState.Release(15, null),
        new LockState.Revoked(14, true), new LockState.Cancel(16, 14, null),
        new LockState.Leave(14), new EventState.SetFlag(17, null), new EventState.Clear(18, null),
        new EventState.IsSet(19, null), new EventState.Wait(20, 250, null),
        new EventState.Cancel(21, 20, null),
        new PermitState.Acquire(22, false, 0, null, "Process-2 (pid 8)"),
        new PermitState.Release(23, null), new PermitState.Cancel(24, 22, null),
        new PermitState.Acquire(25, true, -1, null, null), new Reply.Failed(26, null));
    for (Object m : messages) {
      byte[] frame = encode(m);
      assertTrue(frame[0] != 0, "compact form for " + m);
      assertTrue(frame.length < 64, frame.length + " bytes for " + m);
      assertEquals(m, LaneCodec.read(frame, 0));
    }
  }

  @Test
  void answerWithAnythingElse_generalForm_roundTripEqual() throws Exception {
    Reply.Answer list = new Reply.Answer(1, new java.util.ArrayList<>(List.of(1, 2)));
    byte[] frame = encode(list);
    assertEquals(0, frame[0], "the general form");
    assertEquals(list, LaneCodec.read(frame, 0));
  }
}
