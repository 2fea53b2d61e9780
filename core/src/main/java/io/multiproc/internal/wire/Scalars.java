package io.multiproc.internal.wire;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/**
 * INTERNAL API. The values that compact codecs write themselves, a tag byte each: null, the
 * boxed primitives and strings. Anything else goes through the reducer.
 */
public final class Scalars {
  private Scalars() {}

  /** Whether {@code v} is one of the values written here. */
  public static boolean known(Object v) {
    return v == null || v instanceof String || v instanceof Integer || v instanceof Long
        || v instanceof Double || v instanceof Float || v instanceof Short || v instanceof Byte
        || v instanceof Character || v instanceof Boolean;
  }

  /** Writes {@code v}, one that {@link #known} accepts, with its tag. */
  public static void write(DataOutputStream out, Object v) throws IOException {
    if (v == null) {
      out.writeByte('n');
    } else if (v instanceof String t) {
      out.writeByte('t');
      byte[] utf8 = t.getBytes(StandardCharsets.UTF_8);
      out.writeInt(utf8.length);
      out.write(utf8);
    } else if (v instanceof Integer i) {
      out.writeByte('i');
      out.writeInt(i);
    } else if (v instanceof Long l) {
      out.writeByte('l');
      out.writeLong(l);
    } else if (v instanceof Double d) {
      out.writeByte('d');
      out.writeDouble(d);
    } else if (v instanceof Float f) {
      out.writeByte('f');
      out.writeFloat(f);
    } else if (v instanceof Short s) {
      out.writeByte('s');
      out.writeShort(s);
    } else if (v instanceof Byte b) {
      out.writeByte('b');
      out.writeByte(b);
    } else if (v instanceof Character c) {
      out.writeByte('c');
      out.writeChar(c);
    } else {
      out.writeByte('z');
      out.writeBoolean((Boolean) v);
    }
  }

  /** Reads a value that {@link #write} wrote. */
  public static Serializable read(DataInputStream in) throws IOException {
    byte tag = in.readByte();
    return switch (tag) {
      case 'n' -> null;
      case 't' -> {
        byte[] utf8 = new byte[in.readInt()];
        in.readFully(utf8);
        yield new String(utf8, StandardCharsets.UTF_8);
      }
      case 'i' -> in.readInt();
      case 'l' -> in.readLong();
      case 'd' -> in.readDouble();
      case 'f' -> in.readFloat();
      case 's' -> in.readShort();
      case 'b' -> in.readByte();
      case 'c' -> in.readChar();
      case 'z' -> in.readBoolean();
      default -> throw new IOException("unknown value tag " + tag);
    };
  }
}
