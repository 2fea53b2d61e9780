package io.multiproc.remote;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * INTERNAL API. What a parent writes on a child JVM's standard input, the private channel between
 * them: first a header (the authkey, where to register, who the parent is), later one frame with
 * the process to run. The end of the stream tells the child its parent is gone.
 *
 * @param authkey the program's authkey
 * @param registryPath where the child says Hello
 * @param token the token the parent expects in that Hello
 * @param parentPid the parent's OS pid
 * @param parentName the parent process's name
 * @param eager whether the child starts its ActorSystem and registers before its process arrives
 *     (a forkserver spare, which must be warm); otherwise the ActorSystem starts on first use
 */
record Bootstrap(byte[] authkey, String registryPath, long token, long parentPid, String parentName,
    boolean eager) {
  private static final int MAGIC = 0x4d505243; // "MPRC"
  private static final int MAX_PAYLOAD = Integer.MAX_VALUE - 16;

  void write(DataOutputStream out) throws IOException {
    out.writeInt(MAGIC);
    out.writeInt(authkey.length);
    out.write(authkey);
    out.writeUTF(registryPath);
    out.writeLong(token);
    out.writeLong(parentPid);
    out.writeUTF(parentName);
    out.writeBoolean(eager);
    out.flush();
  }

  static Bootstrap read(DataInputStream in) throws IOException {
    if (in.readInt() != MAGIC) {
      throw new IOException("standard input does not start with a multiproc bootstrap header;"
          + " child JVMs are started by multiproc, not by hand");
    }
    int n = in.readInt();
    if (n < 16 || n > 1024) {
      throw new IOException("bad authkey length " + n);
    }
    byte[] key = in.readNBytes(n);
    if (key.length != n) {
      throw new EOFException("standard input ended inside the bootstrap header");
    }
    return new Bootstrap(key, in.readUTF(), in.readLong(), in.readLong(), in.readUTF(),
        in.readBoolean());
  }

  static void writeFrame(DataOutputStream out, byte[] payload) throws IOException {
    out.writeInt(payload.length);
    out.write(payload);
    out.flush();
  }

  /** The process frame, or null when the parent closed the stream first. */
  static byte[] readFrame(DataInputStream in) throws IOException {
    int n;
    try {
      n = in.readInt();
    } catch (EOFException e) {
      return null;
    }
    if (n < 0 || n > MAX_PAYLOAD) {
      throw new IOException("bad process frame length " + n);
    }
    byte[] payload = in.readNBytes(n);
    if (payload.length != n) {
      throw new EOFException("standard input ended inside the process frame");
    }
    return payload;
  }
}
