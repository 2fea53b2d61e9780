package io.multiproc.internal.wire;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;

/**
 * INTERNAL API. The form of a {@link Wire} message on a lane (a direct socket between two JVMs
 * that proved the authkey to each other when it opened): the compact form of the queue and pipe
 * messages, Java serialisation for the rest. Messages on a lane carry no actor references: the
 * lane itself is where the answer goes and what dies with the requester.
 */
public final class LaneCodec {
  private static final HotCodec HOT = new HotCodec(null);

  private LaneCodec() {}

  /** Writes {@code message} to {@code out}. */
  public static void write(Wire message, ByteArrayOutputStream out) {
    HOT.writeAny(message, out);
  }

  /** Reads the message of {@code frame} from {@code from} to its end. */
  public static Object read(byte[] frame, int from) throws IOException {
    byte kind = frame[from];
    if (kind != HotCodec.GENERAL) {
      return HOT.read(kind, new DataInputStream(HotCodec.input(frame, from + 1)));
    }
    try {
      return JavaReducer.read(HotCodec.input(frame, from + 1));
    } catch (ClassNotFoundException e) {
      throw new IOException("cannot decode a multiproc message: " + e, e);
    }
  }
}
