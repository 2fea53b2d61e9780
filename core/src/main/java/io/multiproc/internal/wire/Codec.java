package io.multiproc.internal.wire;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * INTERNAL API. The compact binary form of one protocol's hot messages (a queue's puts, gets and
 * items, say), so that they do not pay for Java serialisation (a stream header and class
 * descriptors per message). Each protocol brings its own codec and lists it in {@code
 * META-INF/services/io.multiproc.internal.wire.Codec}; {@link Codecs} finds them there, so this
 * layer and the transports above it know no protocol. A message no codec takes keeps the general
 * form.
 */
public interface Codec {

  /**
   * The first bytes this codec's messages start with, from 1 to 127; no two codecs of a JVM may
   * share one (0 is the general form).
   */
  byte[] kinds();

  /**
   * Writes {@code message}, its kind byte first, and returns true; returns false, having written
   * nothing, when this codec does not know the message.
   */
  boolean write(Object message, DataOutputStream out, Refs refs) throws IOException;

  /** Reads a message written by {@link #write}; {@code kind}, its first byte, was read already. */
  Object read(byte kind, DataInputStream in, Refs refs) throws IOException;

  /**
   * About how many bytes {@code message} takes in this codec's form (a put, its item and a
   * little), so that its frame is allocated once; 0 when this codec does not know it.
   */
  default int sizeHint(Object message) {
    return 0;
  }

  /** A few typical messages, which a JVM encodes and decodes once to warm up ahead of use. */
  List<Object> samples();

  /**
   * How actor references are written where a message carries them: as Pekko's serialisation
   * format over Artery; on a lane, where none may travel, not at all ({@link #NONE}).
   */
  interface Refs {
    /** Writes {@code ref}, which may be null. */
    void write(DataOutputStream out, ActorRef<?> ref) throws IOException;

    /** Reads what {@link #write} wrote; null for a null reference. */
    <T> ActorRef<T> read(DataInputStream in) throws IOException;

    /** For a lane: only null references travel (the lane is where answers go). */
    Refs NONE = new Refs() {
      @Override
      public void write(DataOutputStream out, ActorRef<?> ref) throws IOException {
        if (ref != null) {
          throw new IOException("an actor reference cannot travel on a lane: " + ref);
        }
        out.writeUTF("");
      }

      @Override
      public <T> ActorRef<T> read(DataInputStream in) throws IOException {
        if (!in.readUTF().isEmpty()) {
          throw new IOException("a message on a lane carried an actor reference");
        }
        return null;
      }
    };
  }
}
