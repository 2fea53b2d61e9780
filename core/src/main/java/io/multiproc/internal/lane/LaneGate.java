package io.multiproc.internal.lane;

import io.multiproc.internal.log.LogLimiter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * INTERNAL API. Where connections to this JVM's lane servers prove the authkey: one thread and one
 * selector accept on every server socket and run every handshake (the server's half of {@link
 * LaneSocket}'s: a challenge out, the client's answer and challenge in, this side's answer out),
 * without blocking. Only a connection that proved the authkey is handed on, with a thread of its
 * own; one that does not within the handshake timeout is closed; and while {@code maxPending}
 * handshakes run on one server socket, a new connection to it is closed at once. So a stranger who opens many connections
 * holds a few file descriptors for a short while, never a thread, and a JVM of the program still
 * gets in as soon as the strangers' time is up.
 *
 * <p>What it refuses is counted and logged, a few lines per 10 s at most.
 */
final class LaneGate {
  private static final Logger LOG = LoggerFactory.getLogger(LaneGate.class);
  private static final AtomicLong TIMED_OUT = new AtomicLong();
  private static final AtomicLong OVERFLOWED = new AtomicLong();
  private static final LogLimiter LOG_LIMIT = new LogLimiter(3, 10, Duration.ofSeconds(10));

  private final Selector selector;
  private final long timeoutNanos;
  private final int maxPending;
  private final BiConsumer<LaneSocket, String> authenticated;

  /**
   * One server socket and how many of its connections are proving the authkey. Each has its own
   * bound, so strangers filling the TCP socket's do not keep this machine's JVMs from the Unix
   * domain socket, which only this user can reach.
   */
  private static final class Listener {
    int pending;
  }

  /** A connection proving the authkey: what it was sent and what it sent so far. */
  private static final class Handshake {
    final SocketChannel channel;
    final Listener listener;
    final long deadline;
    final byte[] challenge = LaneSocket.nonce();
    final ByteBuffer hello = ByteBuffer.allocate(2 * LaneSocket.NONCE);

    Handshake(SocketChannel channel, Listener listener, long deadline) {
      this.channel = channel;
      this.listener = listener;
      this.deadline = deadline;
    }
  }

  /**
   * A gate that gives each connection {@code timeout} to prove the authkey, runs at most
   * {@code maxPending} handshakes at once per server socket, and passes each proven one, with a description of its
   * peer, to {@code authenticated} (on the gate's thread: it must return at once).
   */
  LaneGate(Duration timeout, int maxPending, BiConsumer<LaneSocket, String> authenticated)
      throws IOException {
    this.selector = Selector.open();
    this.timeoutNanos = timeout.toNanos();
    this.maxPending = maxPending;
    this.authenticated = authenticated;
  }

  /** How many connections were closed because they did not prove the authkey in time. */
  static long timedOutCount() {
    return TIMED_OUT.get();
  }

  /** How many connections were closed at once because too many handshakes were running. */
  static long overflowCount() {
    return OVERFLOWED.get();
  }

  /** Accepts on {@code server} too; before {@link #start}. */
  void listen(ServerSocketChannel server) throws IOException {
    server.configureBlocking(false);
    server.register(selector, SelectionKey.OP_ACCEPT, new Listener());
  }

  /** Starts the gate's thread. */
  void start() {
    Thread t = new Thread(this::run, "multiproc-lane-gate");
    t.setDaemon(true);
    t.start();
  }

  private void run() {
    try {
      while (true) {
        long next = expire();
        if (next == 0) {
          selector.select();
        } else {
          selector.select(Math.max(1, next / 1_000_000));
        }
        for (SelectionKey key : selector.selectedKeys()) {
          if (!key.isValid()) {
            continue;
          }
          if (key.channel() instanceof ServerSocketChannel server) {
            acceptAll(server, (Listener) key.attachment());
          } else {
            read(key);
          }
        }
        selector.selectedKeys().clear();
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("lane server stopped accepting: {}; queues and pipes of this JVM are reached over"
          + " Artery from now on", e.toString());
    }
  }

  private void acceptAll(ServerSocketChannel server, Listener listener) throws IOException {
    SocketChannel s;
    while ((s = server.accept()) != null) {
      if (listener.pending >= maxPending) {
        closeQuietly(s);
        long n = OVERFLOWED.incrementAndGet();
        warn("overflow", "closed a lane connection at once: {} others were proving the authkey"
            + " ({} closed so far for this)", maxPending, n);
        continue;
      }
      Handshake h = new Handshake(s, listener, System.nanoTime() + timeoutNanos);
      try {
        s.configureBlocking(false);
        // a fresh socket's buffer is empty: 32 bytes always go in one write
        if (s.write(ByteBuffer.wrap(h.challenge)) != h.challenge.length) {
          throw new IOException("the challenge did not fit the socket's buffer");
        }
        s.register(selector, SelectionKey.OP_READ, h);
        listener.pending++;
      } catch (IOException e) {
        closeQuietly(s);
      }
    }
  }

  private void read(SelectionKey key) {
    Handshake h = (Handshake) key.attachment();
    try {
      if (h.channel.read(h.hello) < 0) {
        end(key, h);
        return;
      }
      if (h.hello.hasRemaining()) {
        return;
      }
      byte[] hello = h.hello.array();
      byte[] answer = java.util.Arrays.copyOf(hello, LaneSocket.NONCE);
      byte[] theirs = java.util.Arrays.copyOfRange(hello, LaneSocket.NONCE, hello.length);
      if (!MessageDigest.isEqual(answer, LaneSocket.mac(LaneSocket.CLIENT, h.challenge))) {
        long n = LaneSocket.countRefused(); // counted before the client can see the close
        end(key, h);
        warn("refused", "refused a lane connection that did not prove this program's authkey"
            + " ({} refused so far)", n, null);
        return;
      }
      byte[] mine = LaneSocket.mac(LaneSocket.SERVER, theirs);
      // the client sent its 64 bytes and now waits for these 32: the buffer has room
      if (h.channel.write(ByteBuffer.wrap(mine)) != mine.length) {
        throw new IOException("the answer did not fit the socket's buffer");
      }
      key.cancel();
      h.listener.pending--;
      SocketChannel s = h.channel;
      if (s.getLocalAddress() instanceof InetSocketAddress) {
        s.setOption(StandardSocketOptions.TCP_NODELAY, true);
      }
      String peer = s.getLocalAddress() instanceof InetSocketAddress
          ? String.valueOf(s.getRemoteAddress()) : "a JVM of this machine";
      authenticated.accept(new LaneSocket(s), peer);
    } catch (IOException | RuntimeException e) {
      if (key.isValid()) {
        end(key, h);
      } else {
        closeQuietly(h.channel);
      }
    }
  }

  /** Closes handshakes past their deadline; nanoseconds until the next deadline, 0 if none. */
  private long expire() {
    long now = System.nanoTime();
    long next = 0;
    for (SelectionKey key : selector.keys()) {
      if (!key.isValid() || !(key.attachment() instanceof Handshake h)) {
        continue;
      }
      long left = h.deadline - now;
      if (left <= 0) {
        long n = TIMED_OUT.incrementAndGet();
        end(key, h);
        warn("timeout", "closed a lane connection that did not prove this program's authkey"
            + " within {} ms ({} closed so far for this)", timeoutNanos / 1_000_000, n);
      } else if (next == 0 || left < next) {
        next = left;
      }
    }
    return next;
  }

  private void end(SelectionKey key, Handshake h) {
    key.cancel();
    h.listener.pending--;
    closeQuietly(h.channel);
  }

  private static void warn(String kind, String format, Object a, Object b) {
    long suppressed = LOG_LIMIT.admit(kind, format);
    if (suppressed >= 0) {
      if (suppressed > 0) {
        LOG.warn("{} more lines like the next were suppressed", suppressed);
      }
      LOG.warn(format, a, b);
    }
  }

  private static void closeQuietly(SocketChannel s) {
    try {
      s.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
