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
}
