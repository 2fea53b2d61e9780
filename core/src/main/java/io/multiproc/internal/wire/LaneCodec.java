package io.multiproc.internal.wire;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;

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
    try {
      DataOutputStream data = new DataOutputStream(out);
      if (!HOT.write(message, data)) {
        data.writeByte(HotCodec.GENERAL);
        data.flush();
        JavaReducer.write(message, out);
      }
      data.flush();
    } catch (NotSerializableException e) {
      throw new IllegalArgumentException(GraphProbe.describe(message, e), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot encode " + message.getClass().getName() + ": "
          + e, e);
    }
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
