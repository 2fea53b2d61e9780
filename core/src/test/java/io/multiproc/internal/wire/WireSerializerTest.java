package io.multiproc.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WireSerializerTest {
  record Ping(String text, int n) implements Wire {}

  private final WireSerializer serializer = new WireSerializer(null);

  @Test
  void roundTrip_signedMessage_decodes() {
    byte[] frame = serializer.toBinary(new Ping("hello", 7));
    assertEquals(new Ping("hello", 7), serializer.fromBinaryJava(frame, null));
  }

  @Test
  void tamperedBody_refusedBeforeDecoding_andCounted() {
    byte[] frame = serializer.toBinary(new Ping("hello", 7));
    frame[frame.length - 1] ^= 1;
    long before = WireSerializer.refusedCount();
    assertThrows(SecurityException.class, () -> serializer.fromBinaryJava(frame, null));
    assertEquals(before + 1, WireSerializer.refusedCount());
  }

  @Test
  void tamperedTag_refused() {
    byte[] frame = serializer.toBinary(new Ping("hello", 7));
    frame[0] ^= 1;
    assertThrows(SecurityException.class, () -> serializer.fromBinaryJava(frame, null));
  }

  @Test
  void garbageNotEvenATag_refused() {
    assertThrows(SecurityException.class, () -> serializer.fromBinaryJava(new byte[3], null));
  }

  @Test
  void unsendableMessage_failsWithItsPlace() {
    record Holder(Object inside) implements Wire {}
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> serializer.toBinary(new Holder(new Object())));
    assertTrue(e.getMessage().contains("Holder.inside is a java.lang.Object"), e.getMessage());
  }

  @Test
  void hotMessages_compactForm_roundTrip() {
    byte[] item = {1, 2, 3};
    Object[] messages = {
        new io.multiproc.internal.queue.QueueProtocol.Put(7, item, true, -1, null, null),
        new io.multiproc.internal.queue.QueueProtocol.Get(8, false, 0, null, null),
        new io.multiproc.internal.queue.QueueProtocol.Ok(9),
        new io.multiproc.internal.queue.QueueProtocol.Taken(10, null),
        new io.multiproc.internal.queue.QueueProtocol.Empty(11)};
    for (Object m : messages) {
      byte[] frame = serializer.toBinary(m);
      assertTrue(frame[WireSerializer.TAG_BYTES] != 0, "compact form for " + m);
      Object back = serializer.fromBinaryJava(frame, null);
      assertEquals(m.getClass(), back.getClass());
    }
    var got = (io.multiproc.internal.queue.QueueProtocol.Item) serializer.fromBinaryJava(
        serializer.toBinary(new io.multiproc.internal.queue.QueueProtocol.Item(12, item)), null);
    assertEquals(12, got.id());
    assertTrue(java.util.Arrays.equals(item, got.item()));
  }

  @Test
  void answersAndSmallRequests_compactForm_roundTripEqual() {
    Object[] messages = {
        new io.multiproc.internal.queue.QueueProtocol.Poll(1, 250, null, null),
        new io.multiproc.internal.queue.QueueProtocol.Eof(2),
        new io.multiproc.internal.queue.QueueProtocol.Full(3),
        new io.multiproc.internal.queue.QueueProtocol.Size(4, null),
        new io.multiproc.internal.queue.QueueProtocol.Sizes(5, 17, true, 2)};
    for (Object m : messages) {
      byte[] frame = serializer.toBinary(m);
      assertTrue(frame[WireSerializer.TAG_BYTES] != 0, "compact form for " + m);
      assertEquals(m, serializer.fromBinaryJava(frame, null));
    }
    var batch = (io.multiproc.internal.queue.QueueProtocol.PutBatch) serializer.fromBinaryJava(
        serializer.toBinary(new io.multiproc.internal.queue.QueueProtocol.PutBatch(6,
            java.util.List.of(new byte[] {1}, new byte[] {2, 3}), null, null)), null);
    assertEquals(2, batch.items().size());
    assertTrue(java.util.Arrays.equals(new byte[] {2, 3}, batch.items().get(1)));
  }
}
