package io.multiproc.internal.lane;

import io.multiproc.internal.Authkey;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * INTERNAL API. One end of a lane: a socket (a Unix domain socket between JVMs of one machine, TCP
 * between machines) carrying length-prefixed frames, each written with one system call. Before
 * any frame, each side proves that it holds the program's authkey (a challenge answered with an
 * HMAC-SHA256 of it, one each way, as CPython's connections do), so nothing from a stranger is
 * ever decoded. The connecting side's half is here; the accepting side's runs in {@link LaneGate}.
 *
 * <p>The channel does not block: a reader that expects bytes soon polls for them ({@link
 * #arrived()}, which reads what came), and otherwise waits on a selector, at most as long as
 * {@link #readTimeout}. One thread reads at a time; writers take turns among themselves.
 */
final class LaneSocket implements AutoCloseable {
  /** The length of a handshake's challenge and of its answer. */
  static final int NONCE = 32;
  private static final int MAX_FRAME = Integer.MAX_VALUE - 16;
  /** What the client's answer is signed as, so that it cannot be replayed as the server's. */
  static final byte CLIENT = 'C';
  /** What the server's answer is signed as. */
  static final byte SERVER = 'S';
  /** The most one read or write system call moves (the JDK copies through a direct buffer). */
  private static final int CHUNK = 128 * 1024;
  /** The send and receive buffer of a Unix domain socket (TCP sizes its own). */
  private static final int UNIX_BUFFER = 1 << 20;
  /**
   * How long the connecting side waits for the server's half of the handshake (the server gives a
   * connection less: see {@link LaneGate}).
   */
  private static final long HANDSHAKE_MS = 10_000;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final AtomicLong REFUSED = new AtomicLong();

  private final SocketChannel channel;
  private final Selector readable;
  private final Object writing = new Object();
  /** Opened when a write first finds the socket full; set under the writing lock. */
  private volatile Selector writable;
  /** What was read and not yet taken, ready to be read from (position to limit). */
  private final ByteBuffer in = ByteBuffer.allocate(64 * 1024).flip();
  private long timeoutMs; // 0: wait as long as it takes
  private byte[] payload;
  private int payloadRead;

  LaneSocket(SocketChannel channel) throws IOException {
    this.channel = channel;
    try {
      if (!(channel.getLocalAddress() instanceof java.net.InetSocketAddress)) {
        // a Unix domain socket holds 208 KiB by default: a big item would wake both sides often
        channel.setOption(java.net.StandardSocketOptions.SO_SNDBUF, UNIX_BUFFER);
        channel.setOption(java.net.StandardSocketOptions.SO_RCVBUF, UNIX_BUFFER);
      }
      channel.configureBlocking(false);
      this.readable = Selector.open();
      channel.register(readable, SelectionKey.OP_READ);
    } catch (IOException e) {
      channel.close();
      throw e;
    }
  }

  /** Runs the handshake's cold paths (HMAC, random source) and opens and closes channels. */
  static void warmUp() throws IOException {
    mac(CLIENT, nonce());
    Selector.open().close();
    SocketChannel.open().close();
    try {
      SocketChannel.open(java.net.StandardProtocolFamily.UNIX).close();
    } catch (UnsupportedOperationException e) {
      // no Unix domain sockets here: lanes use TCP
    }
  }

  /** How many lane connections this JVM refused because the other side had the wrong authkey. */
  static long refusedCount() {
    return REFUSED.get();
  }

  /** Counts one more connection refused for the wrong authkey; the count so far. */
  static long countRefused() {
    return REFUSED.incrementAndGet();
  }

  /** The connecting side's handshake; throws when the server does not hold the authkey. */
  void connectHandshake() throws IOException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HANDSHAKE_MS);
    byte[] challenge = readExactly(NONCE, deadline);
    byte[] mine = nonce();
    byte[] hello = new byte[2 * NONCE];
    System.arraycopy(mac(CLIENT, challenge), 0, hello, 0, NONCE);
    System.arraycopy(mine, 0, hello, NONCE, NONCE);
    writeRaw(hello, hello.length);
    byte[] answer = readExactly(NONCE, deadline);
    if (!MessageDigest.isEqual(answer, mac(SERVER, mine))) {
      REFUSED.incrementAndGet();
      close();
      throw new IOException("the lane's other side does not hold this program's authkey");
    }
  }

  /** Reads exactly {@code n} bytes of the handshake, before {@code deadline} (nanoTime). */
  private byte[] readExactly(int n, long deadline) throws IOException {
    while (in.remaining() < n) {
      if (fill() == 0) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          close();
          throw new IOException("the lane's other side did not complete the handshake within "
              + HANDSHAKE_MS + " ms");
        }
        try {
          select(left);
        } catch (ClosedSelectorException e) {
          throw ended(null);
        }
      }
    }
    byte[] bytes = new byte[n];
    in.get(bytes);
    return bytes;
  }

  /** A frame being written: four bytes left for its length, then its payload. */
  static final class Frame extends ByteArrayOutputStream {
    Frame() {
      this(64);
    }

    /** A frame with room for {@code capacity} bytes before it grows. */
    Frame(int capacity) {
      super(Math.max(64, capacity));
      count = 4;
    }

    byte[] toByteArrayUnsafe() {
      return buf;
    }

    /** Appends {@code v}, high byte first. */
    void writeInt(int v) {
      write(v >>> 24);
      write(v >>> 16);
      write(v >>> 8);
      write(v);
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

  /**
   * Writes frames already put together, each with its length: with one system call unless they
   * are big or the socket is full (then it waits for room).
   */
  void writeRaw(byte[] frames, int length) throws IOException {
    synchronized (writing) {
      try {
        int at = 0;
        while (at < length) {
          int n = channel.write(ByteBuffer.wrap(frames, at, Math.min(CHUNK, length - at)));
          at += n;
          if (n == 0) {
            awaitRoom();
          }
        }
      } catch (ClosedSelectorException e) {
        throw ended(null);
      } catch (EOFException e) {
        throw e;
      } catch (IOException e) {
        throw ended(e);
      }
    }
  }

  /** Waits until the socket takes bytes again; the caller holds the writing lock. */
  private void awaitRoom() throws IOException {
    Selector w = writable;
    if (w == null) {
      w = Selector.open();
      writable = w;
      channel.register(w, SelectionKey.OP_WRITE);
    }
    w.select(100); // rechecks now and then that the lane is still open
    w.selectedKeys().clear();
    if (!channel.isOpen()) {
      closeQuietly(w); // close() may have looked before it was opened
      throw ended(null);
    }
  }

  /** Whether bytes already read from the socket wait to be taken (no system call). */
  boolean readable() {
    return in.hasRemaining();
  }

  /**
   * Whether bytes wait to be taken: read already, or in the socket (then they are read now, one
   * system call). For the thread whose turn it is to read.
   */
  boolean arrived() {
    try {
      return in.hasRemaining() || (payload != null ? readInto() : fill() > 0);
    } catch (IOException | ClosedSelectorException e) {
      return true; // the read that follows finds out what happened
    }
  }

  /** Makes reads give up after {@code ms} (0: never; see {@link #readSome()}). */
  void readTimeout(int ms) {
    timeoutMs = ms;
  }

  /**
   * As {@link #readSome()}, after busy-waiting a moment for bytes as {@code spin} allows: for a
   * thread that waits for an answer that may come soon.
   */
  byte[] readSome(Spin spin) throws IOException {
    spin.until(this::arrived);
    try {
      return readSome();
    } finally {
      spin.ended();
    }
  }

  /**
   * Reads one frame's payload, or returns null when the read timeout passed first; what was read
   * of a frame so far is kept for the next call. EOFException once the other side closed.
   */
  byte[] readSome() throws IOException {
    boolean waited = false;
    try {
      while (true) {
        if (payload == null && in.remaining() >= 4) {
          int length = in.getInt();
          if (length < 0 || length > MAX_FRAME) {
            throw new IOException("bad lane frame length " + length);
          }
          payload = new byte[length];
          payloadRead = 0;
        }
        if (payload != null) {
          int n = Math.min(in.remaining(), payload.length - payloadRead);
          in.get(payload, payloadRead, n);
          payloadRead += n;
          if (payloadRead == payload.length) {
            byte[] frame = payload;
            payload = null;
            return frame;
          }
          if (readInto()) { // a big payload: straight from the socket, not through the buffer
            continue;
          }
        } else if (fill() > 0) {
          continue;
        }
        if (waited) {
          return null; // nothing came within the timeout
        }
        select(timeoutMs);
        waited = timeoutMs > 0;
      }
    } catch (ClosedSelectorException e) {
      throw ended(null);
    }
  }

  /**
   * Reads more of the frame being read: into the buffer when what is missing fits it, else
   * straight into the payload. True when that read something. The buffer is empty when called.
   */
  private boolean readInto() throws IOException {
    int missing = payload.length - payloadRead;
    if (missing < in.capacity()) {
      return fill() > 0;
    }
    int n = read(ByteBuffer.wrap(payload, payloadRead, Math.min(CHUNK, missing)));
    payloadRead += n;
    return n > 0;
  }

  /** Reads what the socket holds into the buffer (no waiting); how many bytes came. */
  private int fill() throws IOException {
    in.compact();
    try {
      return read(in);
    } finally {
      in.flip();
    }
  }

  private int read(ByteBuffer into) throws IOException {
    int n;
    try {
      n = channel.read(into);
    } catch (IOException e) {
      throw ended(e);
    }
    if (n < 0) {
      throw ended(null);
    }
    return n;
  }

  /** Waits until bytes may have come, at most {@code ms} (0: as long as it takes). */
  private void select(long ms) throws IOException {
    if (ms > 0) {
      readable.select(ms);
    } else {
      readable.select();
    }
    readable.selectedKeys().clear();
    if (!channel.isOpen()) {
      throw ended(null);
    }
  }

  private static EOFException ended(IOException cause) {
    EOFException e = new EOFException(cause == null ? "the lane was closed"
        : "the lane was closed: " + cause.getMessage());
    e.initCause(cause);
    return e;
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      // closing anyway
    }
    // wakes a reader or writer waiting on them, and lets the channel's socket be released
    closeQuietly(readable);
    Selector w = writable;
    if (w != null) {
      closeQuietly(w);
    }
  }

  private static void closeQuietly(Selector s) {
    try {
      s.close();
    } catch (IOException | RuntimeException e) {
      // closing anyway
    }
  }

  /** Whether {@code e} means that the lane ended (rather than that a frame was bad). */
  static boolean isEnd(IOException e) {
    return e instanceof EOFException;
  }

  /** A fresh random challenge. */
  static byte[] nonce() {
    byte[] n = new byte[NONCE];
    RANDOM.nextBytes(n);
    return n;
  }

  /** The answer to {@code challenge} of one who holds the authkey, signed as {@code role}. */
  static byte[] mac(byte role, byte[] challenge) {
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
