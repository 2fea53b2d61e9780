package io.multiproc.internal.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * INTERNAL API. The form of a {@link Wire} message on a lane (a direct socket between two JVMs
 * that proved the authkey to each other when it opened): each protocol's compact form where its
 * {@link Codec} has one, Java serialisation for the rest. Messages on a lane carry no actor
 * references: the lane itself is where the answer goes and what dies with the requester.
 */
public final class LaneCodec {
  private LaneCodec() {}

  /** Writes {@code message} to {@code out}. */
  public static void write(Wire message, ByteArrayOutputStream out) {
    Codecs.writeAny(message, out, Codec.Refs.NONE);
  }

  /** About how many bytes {@code message} takes on a lane, so its frame is allocated once. */
  public static int sizeHint(Wire message) {
    return Codecs.sizeHint(message);
  }

  /** Reads the message of {@code frame} from {@code from} to its end. */
  public static Object read(byte[] frame, int from) throws IOException {
    return Codecs.read(frame, from, Codec.Refs.NONE);
  }

  /**
   * Encodes and decodes every codec's samples {@code rounds} times, so a JVM that does it ahead
   * of its process (a forkserver spare) pays for none of it on its first message.
   */
  public static void warmUp(int rounds) {
    for (int i = 0; i < rounds; i++) {
      for (Object sample : Codecs.samples()) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        write((Wire) sample, out);
        try {
          Object back = read(out.toByteArray(), 0);
          if (back.getClass() != sample.getClass()) {
            throw new IllegalStateException("the lane codec turned a " + sample.getClass()
                + " into a " + back.getClass());
          }
        } catch (IOException e) {
          throw new IllegalStateException("the lane codec fails in this JVM: " + e, e);
        }
      }
    }
  }
}
