package io.multiproc.internal.artery;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * INTERNAL API. The few DER encodings (ITU-T X.690) that a self-signed X.509 certificate needs:
 * enough to build {@link AuthkeyCertificate}'s certificate in memory without the JDK's internal
 * classes. Each method returns one whole element (tag, length, contents).
 */
final class Der {
  private static final int SEQUENCE = 0x30;
  private static final int SET = 0x31;
  private static final int INTEGER = 0x02;
  private static final int BIT_STRING = 0x03;
  private static final int OID = 0x06;
  private static final int UTF8_STRING = 0x0c;
  private static final int UTC_TIME = 0x17;
  private static final int GENERALIZED_TIME = 0x18;

  private Der() {}

  /** A SEQUENCE of elements already encoded. */
  static byte[] sequence(byte[]... elements) {
    return element(SEQUENCE, concat(elements));
  }

  /** A SET of elements already encoded (one element here, so no sorting is needed). */
  static byte[] set(byte[] element) {
    return element(SET, element);
  }

  /** A small non-negative INTEGER. */
  static byte[] integer(int value) {
    if (value < 0) {
      throw new IllegalArgumentException("only non-negative integers are encoded");
    }
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    boolean started = false;
    for (int shift = 24; shift >= 0; shift -= 8) {
      int octet = (value >>> shift) & 0xff;
      if (!started && octet == 0 && shift > 0) {
        continue;
      }
      if (!started && octet >= 0x80) {
        b.write(0); // keeps it positive
      }
      started = true;
      b.write(octet);
    }
    return element(INTEGER, b.toByteArray());
  }

  /** A BIT STRING of whole bytes. */
  static byte[] bitString(byte[] bytes) {
    byte[] contents = new byte[bytes.length + 1];
    System.arraycopy(bytes, 0, contents, 1, bytes.length); // first octet: no unused bits
    return element(BIT_STRING, contents);
  }

  /** An OBJECT IDENTIFIER such as "1.3.101.112". */
  static byte[] oid(String dotted) {
    String[] parts = dotted.split("\\.");
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(Integer.parseInt(parts[0]) * 40 + Integer.parseInt(parts[1]));
    for (int i = 2; i < parts.length; i++) {
      long arc = Long.parseLong(parts[i]);
      int groups = 1;
      while (arc >>> (7 * groups) != 0) {
        groups++;
      }
      for (int g = groups - 1; g >= 0; g--) {
        int seven = (int) ((arc >>> (7 * g)) & 0x7f);
        b.write(g == 0 ? seven : seven | 0x80);
      }
    }
    return element(OID, b.toByteArray());
  }

  /** A UTF8String. */
  static byte[] utf8(String s) {
    return element(UTF8_STRING, s.getBytes(StandardCharsets.UTF_8));
  }

  /** A UTCTime, "YYMMDDHHMMSSZ" (for years 1950 to 2049). */
  static byte[] utcTime(String yymmddhhmmssZ) {
    return element(UTC_TIME, yymmddhhmmssZ.getBytes(StandardCharsets.US_ASCII));
  }

  /** A GeneralizedTime, "YYYYMMDDHHMMSSZ" (RFC 5280 wants it from 2050 on). */
  static byte[] generalizedTime(String yyyymmddhhmmssZ) {
    return element(GENERALIZED_TIME, yyyymmddhhmmssZ.getBytes(StandardCharsets.US_ASCII));
  }

  /** A constructed context-specific element {@code [tag] EXPLICIT}. */
  static byte[] explicit(int tag, byte[] element) {
    return element(0xa0 | tag, element);
  }

  /** Tag, definite length, contents. */
  static byte[] element(int tag, byte[] contents) {
    ByteArrayOutputStream b = new ByteArrayOutputStream(contents.length + 6);
    b.write(tag);
    int n = contents.length;
    if (n < 0x80) {
      b.write(n);
    } else {
      int octets = n < 0x100 ? 1 : n < 0x10000 ? 2 : n < 0x1000000 ? 3 : 4;
      b.write(0x80 | octets);
      for (int i = octets - 1; i >= 0; i--) {
        b.write(n >>> (8 * i));
      }
    }
    b.writeBytes(contents);
    return b.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      b.writeBytes(p);
    }
    return b.toByteArray();
  }
}
