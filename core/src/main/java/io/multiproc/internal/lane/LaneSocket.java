package io.multiproc.internal.lane;

import io.multiproc.internal.Authkey;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * INTERNAL API. One end of a lane: a TCP socket carrying length-prefixed frames, each written
 * with one system call. Before any frame, each side proves that it holds the program's authkey
 * (a challenge answered with an HMAC-SHA256 of it, one each way, as CPython's connections do), so
 * nothing from a stranger is ever decoded.
 */
final class LaneSocket implements AutoCloseable {
  private static final int NONCE = 32;
  private static final int MAX_FRAME = Integer.MAX_VALUE - 16;
  private static final byte CLIENT = 'C';
  private static final byte SERVER = 'S';
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final AtomicLong REFUSED = new AtomicLong();

  private final Socket socket;
  private final Buffered buffered;
  private final DataInputStream in;
  private final OutputStream out;

  LaneSocket(Socket socket) throws IOException {
    this.socket = socket;
    socket.setTcpNoDelay(true);
    this.buffered = new Buffered(socket.getInputStream());
    this.in = new DataInputStream(buffered);
    this.out = socket.getOutputStream();
  }

  /** How many lane connections this JVM refused because the other side had the wrong authkey. */
  static long refusedCount() {
    return REFUSED.get();
  }

  /** The accepting side's handshake; false (and the socket closed) when the client failed it. */
  boolean acceptHandshake() throws IOException {
    byte[] challenge = nonce();
    out.write(challenge);
    byte[] answer = new byte[NONCE];
    in.readFully(answer);
    byte[] theirs = new byte[NONCE];
    in.readFully(theirs);
    if (!MessageDigest.isEqual(answer, mac(CLIENT, challenge))) {
      REFUSED.incrementAndGet();
      close();
      return false;
    }
    out.write(mac(SERVER, theirs));
    return true;
  }

  /** The connecting side's handshake; throws when the server does not hold the authkey. */
  void connectHandshake() throws IOException {
    byte[] challenge = new byte[NONCE];
    in.readFully(challenge);
    byte[] mine = nonce();
    byte[] hello = new byte[2 * NONCE];
    System.arraycopy(mac(CLIENT, challenge), 0, hello, 0, NONCE);
    System.arraycopy(mine, 0, hello, NONCE, NONCE);
    out.write(hello);
    byte[] answer = new byte[NONCE];
    in.readFully(answer);
    if (!MessageDigest.isEqual(answer, mac(SERVER, mine))) {
      REFUSED.incrementAndGet();
      close();
      throw new IOException("the lane's other side does not hold this program's authkey");
    }
  }

  /** A frame being written: four bytes left for its length, then its payload. */
  static final class Frame extends java.io.ByteArrayOutputStream {
    Frame() {
      super(64);
      count = 4;
    }

    byte[] toByteArrayUnsafe() {
      return buf;
    }

    /** Sets the length at the head of the frame. */
    void seal() {
      int payload = count - 4;
      buf[0] = (byte) (payload >>> 24);
      buf[1] = (byte) (payload >>> 16);
      buf[2] = (byte) (payload >>> 8);
      buf[3] = (byte) payload;
    }
  }

  /** Writes {@code frame} whole, with one system call. */
  void write(Frame frame) throws IOException {
    frame.seal();
    writeRaw(frame.toByteArrayUnsafe(), frame.size());
  }

  /** Writes frames already put together, each with its length, with one system call. */
  void writeRaw(byte[] frames, int length) throws IOException {
    synchronized (out) {
      out.write(frames, 0, length);
    }
  }

  /** Reads one frame's payload, waiting as long as it takes; EOFException once the other closed. */
  byte[] read() throws IOException {
    byte[] frame;
    while ((frame = readSome()) == null) {
      // no read timeout is set on the sockets that use this
    }
    return frame;
  }

  /** Whether bytes already read from the socket wait to be taken (no system call). */
  boolean readable() {
    return buffered.waiting() > 0;
  }

  /** A read buffer that tells what it holds without asking the socket. */
  private static final class Buffered extends BufferedInputStream {
    Buffered(java.io.InputStream in) {
      super(in, 64 * 1024);
    }

    synchronized int waiting() {
      return count - pos;
    }
  }

  /** Makes reads give up after {@code ms} (see {@link #readSome()}). */
  void readTimeout(int ms) throws IOException {
    socket.setSoTimeout(ms);
  }

  private final byte[] header = new byte[4];
  private int headerRead;
  private byte[] payload;
  private int payloadRead;

  /**
   * Reads one frame's payload, or returns null when the read timeout passed first; what was read
   * of a frame so far is kept for the next call. EOFException once the other side closed.
   */
  byte[] readSome() throws IOException {
    try {
      while (headerRead < 4) {
        int n = in.read(header, headerRead, 4 - headerRead);
        if (n < 0) {
          throw new EOFException("the lane was closed");
        }
        headerRead += n;
      }
      if (payload == null) {
        int length = ((header[0] & 0xff) << 24) | ((header[1] & 0xff) << 16)
            | ((header[2] & 0xff) << 8) | (header[3] & 0xff);
        if (length < 0 || length > MAX_FRAME) {
          throw new IOException("bad lane frame length " + length);
        }
        payload = new byte[length];
        payloadRead = 0;
      }
      while (payloadRead < payload.length) {
        int n = in.read(payload, payloadRead, payload.length - payloadRead);
        if (n < 0) {
          throw new EOFException("the lane was closed");
        }
        payloadRead += n;
      }
    } catch (java.net.SocketTimeoutException e) {
      return null;
    }
    byte[] frame = payload;
    payload = null;
    headerRead = 0;
    return frame;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  static boolean isEnd(IOException e) {
    return e instanceof EOFException || e instanceof java.net.SocketException;
  }

  private static byte[] nonce() {
    byte[] n = new byte[NONCE];
    RANDOM.nextBytes(n);
    return n;
  }

  private static byte[] mac(byte role, byte[] challenge) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Authkey.get(), "HmacSHA256"));
      mac.update(role);
      return mac.doFinal(challenge);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }
}
