package io.multiproc.internal.wire;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * INTERNAL API. Every {@link Codec} on the classpath, by the kind byte its messages start with,
 * and the general form (kind 0, then Java serialisation through {@link JavaReducer}) for the rest.
 * The same form goes on a lane and, after its authkey tag, over Artery.
 */
final class Codecs {
  static final byte GENERAL = 0;
  /** An {@link Envelope}: its path, its sender, then its message in its own form. */
  private static final byte ENVELOPE = 127;
  private static final Codec[] BY_KIND = new Codec[128];
  private static final List<Codec> ALL = new ArrayList<>();

  static {
    for (Codec codec : ServiceLoader.load(Codec.class, Codecs.class.getClassLoader())) {
      for (byte kind : codec.kinds()) {
        if (kind <= GENERAL || kind == ENVELOPE || BY_KIND[kind] != null) {
          throw new IllegalStateException("codec " + codec.getClass().getName()
              + " claims message kind " + kind + ", which is "
              + (BY_KIND[kind] == null ? "reserved" : "taken by " + BY_KIND[kind].getClass().getName()));
        }
        BY_KIND[kind] = codec;
      }
      ALL.add(codec);
    }
  }

  private Codecs() {}

  /** Writes {@code o} in its codec's compact form where it has one, else in the general one. */
  static void writeAny(Object o, ByteArrayOutputStream out, Codec.Refs refs) {
    try {
      DataOutputStream data = new DataOutputStream(out);
      write(o, data, out, refs);
      data.flush();
    } catch (NotSerializableException e) {
      throw new IllegalArgumentException(GraphProbe.describe(o, e), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot encode " + o.getClass().getName() + ": " + e, e);
    }
  }

  private static void write(Object o, DataOutputStream data, ByteArrayOutputStream out,
      Codec.Refs refs) throws IOException {
    if (o instanceof Envelope e) {
      data.writeByte(ENVELOPE);
      data.writeUTF(e.path());
      refs.write(data, e.from());
      write(e.message(), data, out, refs);
      return;
    }
    for (Codec codec : ALL) {
      if (codec.write(o, data, refs)) {
        return;
      }
    }
    data.writeByte(GENERAL);
    data.flush();
    JavaReducer.write(o, out);
  }

  /** Reads the message of {@code frame} from {@code from} to its end. */
  static Object read(byte[] frame, int from, Codec.Refs refs) throws IOException {
    ByteArrayInputStream in = new ByteArrayInputStream(frame, from, frame.length - from);
    return read(new DataInputStream(in), refs);
  }

  private static Object read(DataInputStream in, Codec.Refs refs) throws IOException {
    byte kind = in.readByte();
    if (kind == GENERAL) {
      try {
        return JavaReducer.read(in);
      } catch (ClassNotFoundException e) {
        throw new IOException("cannot decode a multiproc message: " + e, e);
      }
    }
    if (kind == ENVELOPE) {
      String path = in.readUTF();
      org.apache.pekko.actor.typed.ActorRef<?> sender = refs.read(in);
      Object message = read(in, refs);
      if (!(message instanceof Wire w)) {
        throw new IOException("an envelope for " + path + " held no protocol message");
      }
      return new Envelope(path, w, sender);
    }
    Codec codec = kind > 0 ? BY_KIND[kind] : null;
    if (codec == null) {
      throw new IOException("unknown message kind " + kind);
    }
    return codec.read(kind, in, refs);
  }

  /** About how many bytes {@code o} takes (at least 64), so its frame is allocated once. */
  static int sizeHint(Object o) {
    // an envelope adds its path and its sender's address; a lane frame only a few bytes
    boolean envelope = o instanceof Envelope;
    Object inner = envelope ? ((Envelope) o).message() : o;
    for (Codec codec : ALL) {
      int hint = codec.sizeHint(inner);
      if (hint > 0) {
        return hint + (envelope ? 256 : 8);
      }
    }
    return 64;
  }

  /** The codecs' sample messages, for a warm-up. */
  static List<Object> samples() {
    List<Object> all = new ArrayList<>();
    ALL.forEach(c -> all.addAll(c.samples()));
    return all;
  }
}
