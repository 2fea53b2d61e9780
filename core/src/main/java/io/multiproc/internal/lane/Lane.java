package io.multiproc.internal.lane;

import io.multiproc.internal.transport.Strays;
import io.multiproc.ProcessError;
import io.multiproc.internal.ProcessRuntime;
import io.multiproc.internal.wire.Ack;
import io.multiproc.internal.wire.Answer;
import io.multiproc.internal.wire.LaneCodec;
import io.multiproc.internal.wire.Wire;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * INTERNAL API. The connecting side of a lane: this JVM's direct connection to another JVM of the
 * program that holds shared objects this JVM uses. It carries frames: a message for a path, a
 * message for nobody in particular, an answer to a request id; what they mean is the business of
 * the objects' protocols ({@link Receiver}s on the other side, {@link Strays} on this one).
 *
 * <p>No thread stands between a caller and the socket. A request that wants an answer is written
 * by its caller, together with everything queued before it, in one system call; a thread waiting
 * for an answer reads the socket itself (one waiting thread at a time reads and hands the others
 * their answers), so an answer wakes the thread that wants it and no other. Requests that want no
 * answer (pipelined puts, closes) queue up and go with the next request, or with
 * a writer thread that sends what queued while the caller goes on: a fast producer's puts leave
 * many to a system call. When the other JVM ends, every request still waiting fails at once.
 */
public final class Lane {
  private static final Logger LOG = LoggerFactory.getLogger(Lane.class);
  private static final Map<String, Lane> LANES = new ConcurrentHashMap<>();
  private static final Set<String> UNREACHABLE = ConcurrentHashMap.newKeySet();
  /** Ids of syncs: negative, so never one of a request (those are positive, see QueueClient). */
  private static final AtomicLong SYNCS = new AtomicLong();
  /** How often a thread reading for others looks whether it may stop (interrupt, deadline). */
  private static final int READ_TIMEOUT_MS = 200;
  private final String address;
  private final LaneSocket socket;
  private final boolean unix;
  private final Map<String, Integer> bound = new ConcurrentHashMap<>();
  private final LaneWriter writer;
  /** The answers requests wait for, by request id. */
  private final Map<Long, CompletableFuture<?>> waiting = new ConcurrentHashMap<>();
  private final ReadTurns turns = new ReadTurns();
  private final Spin spin = new Spin(); // used by the thread whose turn it is to read
  private volatile boolean unsynced;
  private volatile boolean closed;

  private Lane(String address, LaneSocket socket, boolean unix) {
    this.address = address;
    this.socket = socket;
    this.unix = unix;
    this.writer = new LaneWriter(socket, this::close);
  }

  /**
   * The lane to the JVM accepting at {@code address}, opened on first use; null when there is
   * none (no address, lanes off, or it cannot be opened: then the caller goes over Artery).
   */
  public static Lane to(String address) {
    if (address == null || !ProcessRuntime.settings().lanes() || UNREACHABLE.contains(address)) {
      return null;
    }
    Lane lane = LANES.get(address);
    if (lane != null && !lane.closed) {
      return lane;
    }
    synchronized (LANES) {
      lane = LANES.get(address);
      if (lane == null || lane.closed) {
        lane = open(address);
        if (lane == null) {
          return null;
        }
        LANES.put(address, lane);
      }
      return lane;
    }
  }

  /**
   * A lane of its own to the JVM accepting at {@code address}, shared with no other caller (for
   * a thread that reads it all the time: a lock's pushes); null when there is none, as {@link
   * #to}.
   */
  public static Lane separate(String address) {
    if (address == null || !ProcessRuntime.settings().lanes() || UNREACHABLE.contains(address)) {
      return null;
    }
    return open(address);
  }

  /** A new lane to {@code address}, not cached (see {@link #to}); null when it cannot be opened. */
  static Lane open(String address) {
    SocketChannel s = null;
    try {
      s = connect(address);
      boolean unix = !(s.getRemoteAddress() instanceof InetSocketAddress);
      LaneSocket socket = new LaneSocket(s);
      socket.connectHandshake();
      socket.readTimeout(READ_TIMEOUT_MS);
      Lane lane = new Lane(address, socket, unix);
      lane.writer.start();
      return lane;
    } catch (IOException | RuntimeException e) {
      if (s != null) {
        try {
          s.close();
        } catch (IOException ignored) {
          // closing anyway
        }
      }
      UNREACHABLE.add(address);
      LOG.warn("no lane to {} ({}); its queues and pipes are reached over Artery", address,
          e.toString());
      return null;
    }
  }

  /**
   * Connects to the lane server at {@code address}: on its Unix domain socket when it has one and
   * listens on the same host as this JVM (so it is on this machine), else over TCP.
   */
  private static SocketChannel connect(String address) throws IOException {
    int bar = address.indexOf(LaneServer.UNIX_SEPARATOR);
    String tcp = bar < 0 ? address : address.substring(0, bar);
    int colon = tcp.lastIndexOf(':');
    String host = tcp.substring(0, colon);
    if (bar >= 0 && host.equals(LaneServer.host())) {
      Path path = Path.of(address.substring(bar + 1));
      if (Files.exists(path)) {
        try {
          return SocketChannel.open(UnixDomainSocketAddress.of(path));
        } catch (IOException | UnsupportedOperationException e) {
          LOG.debug("lane to {}: no Unix domain socket ({}), TCP instead", address, e.toString());
        }
      }
    }
    SocketChannel s = SocketChannel.open();
    try {
      s.socket().connect(new InetSocketAddress(host, Integer.parseInt(tcp.substring(colon + 1))),
          10_000);
      s.setOption(StandardSocketOptions.TCP_NODELAY, true);
      return s;
    } catch (IOException | RuntimeException e) {
      s.close();
      throw e;
    }
  }

  /**
   * Runs the lane's cold paths once without a connection (the authkey's HMAC, the random source,
   * a Unix domain socket, the frame codec), so that a JVM that does this ahead of its process (a
   * forkserver spare) opens its first lane and makes its first put without paying for them.
   */
  public static void warmUp() {
    try {
      LaneSocket.warmUp();
    } catch (IOException e) {
      throw new IllegalStateException("lanes do not work in this JVM: " + e, e);
    }
    LaneCodec.warmUp(200);
  }

  /** Whether this lane is a Unix domain socket (else TCP). */
  boolean overUnixSocket() {
    return unix;
  }

  /**
   * Sends {@code request} to the receiver at {@code path} and waits at most {@code timeout} (null:
   * for ever) for {@code answer}, which is completed by the answer with id {@code id}.
   *
   * @throws TimeoutException when no answer came in time
   * @throws ProcessError when the lane closed (the other JVM ended) first
   */
  public <R> R ask(String path, long id, Wire request, CompletableFuture<R> answer,
      Duration timeout) throws InterruptedException, TimeoutException {
    return exchange(LaneServer.REQUEST, path, id, request, answer, timeout);
  }

  /**
   * Waits at most {@code timeout} (null: for ever) for {@code answer}, with id {@code id}, to a
   * message sent earlier, reading the lane while no other thread does; an answer read before
   * this thread waited for it is handed to {@link Strays}.
   *
   * @throws TimeoutException when no answer came in time
   * @throws ProcessError when the lane closed (the other JVM ended) first
   */
  public <R> R awaitAnswer(long id, CompletableFuture<R> answer, Duration timeout)
      throws InterruptedException, TimeoutException {
    waiting.put(id, answer);
    try {
      if (closed && !answer.isDone()) { // closed before this thread could wait: nothing comes
        throw ended();
      }
      return await(answer, timeout);
    } finally {
      waiting.remove(id);
    }
  }

  private <R> R exchange(byte kind, String path, long id, Wire request,
      CompletableFuture<R> reply, Duration timeout) throws InterruptedException,
      TimeoutException {
    waiting.put(id, reply); // before it is sent: whichever thread reads the answer hands it over
    try {
      write(kind, path, request, true);
    } catch (RuntimeException e) {
      waiting.remove(id);
      throw e;
    }
    return awaitAnswer(id, reply, timeout);
  }

  /**
   * Sends {@code request}, which wants no answer, after the requests sent before it; the caller
   * goes on at once.
   */
  public void tell(String path, Wire request) {
    write(LaneServer.TELL, path, request, false);
  }

  /**
   * Sends {@code request}, which wants no answer, at once after the requests sent before it: it
   * has left this JVM when this returns, so the other JVM handles it even if this one is killed
   * right after (a getter's confirmation, which must not wait for a later write).
   */
  public void tellNow(String path, Wire request) {
    write(LaneServer.TELL, path, request, true);
  }

  /**
   * As {@link #tell}, for one of a stream of small writes that may wait a moment: it leaves
   * within the writer's linger (tens of microseconds), many to a system call.
   */
  public void tellLazily(String path, Wire request) {
    write(LaneServer.TELL, path, request, false, true);
  }

  /** Waits until everything sent so far on this lane was handled by the other JVM. */
  public void sync() {
    if (!unsynced || closed) {
      return;
    }
    unsynced = false;
    long id = -SYNCS.incrementAndGet();
    try {
      // answered with Ack(id) once the other JVM handled every frame before it
      exchange(LaneServer.SYNC, null, id, new Ack(id), new CompletableFuture<>(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (TimeoutException e) {
      throw new IllegalStateException("a wait without a deadline timed out", e);
    }
  }

  /** Waits until everything this JVM sent on any lane was handled; called as a process ends. */
  public static void syncAll() {
    for (Lane lane : LANES.values()) {
      try {
        lane.sync();
      } catch (ProcessError e) {
        // the other JVM ended: nothing more can reach it
      }
    }
  }

  private void write(byte kind, String path, Wire request, boolean now) {
    write(kind, path, request, now, false);
  }

  /** Frames {@code request} and hands it to the writer: now, queued, or {@code lazily}. */
  private void write(byte kind, String path, Wire request, boolean now, boolean lazily) {
    if (closed) {
      throw ended();
    }
    try {
      int index = path == null ? -1 : index(path);
      LaneSocket.Frame frame = new LaneSocket.Frame(LaneCodec.sizeHint(request));
      frame.write(kind);
      frame.writeInt(index);
      LaneCodec.write(request, frame);
      frame.seal();
      if (!now) {
        unsynced = true;
      }
      writer.send(frame, now, lazily);
    } catch (IOException e) {
      close();
      throw ended();
    }
  }

  private int index(String path) throws IOException {
    Integer index = bound.get(path);
    if (index != null) {
      return index;
    }
    synchronized (bound) {
      index = bound.get(path);
      if (index == null) {
        index = bound.size();
        LaneSocket.Frame frame = new LaneSocket.Frame();
        DataOutputStream data = new DataOutputStream(frame);
        data.writeByte(LaneServer.BIND);
        data.writeInt(index);
        data.writeUTF(path);
        frame.seal();
        writer.queue(frame);
        bound.put(path, index);
      }
      return index;
    }
  }

  /**
   * Waits for {@code reply}: reads the socket while no other thread does, handing every answer
   * to the request it belongs to, else waits to be handed its own.
   */
  private <R> R await(CompletableFuture<R> reply, Duration timeout)
      throws InterruptedException, TimeoutException {
    long deadline = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
    Thread me = Thread.currentThread();
    reply.whenComplete((r, e) -> LockSupport.unpark(me));
    BooleanSupplier more = () -> !reply.isDone() && !closed && !me.isInterrupted()
        && (timeout == null || System.nanoTime() - deadline < 0);
    while (!reply.isDone()) {
      if (timeout != null && System.nanoTime() - deadline >= 0) {
        throw new TimeoutException();
      }
      turns.take(reply, more, this::readOne);
      if (!reply.isDone() && Thread.interrupted()) { // an answer that came is never dropped
        throw new InterruptedException();
      }
    }
    try {
      return reply.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof ProcessError p ? p
          : new ProcessError("the lane to " + address + " failed: " + e.getCause(), e.getCause());
    }
  }

  /** Reads one answer (or returns after the read timeout) and hands it to its request. */
  private void readOne() {
    try {
      byte[] frame = socket.readSome(spin); // an answer that comes soon is read without halting
      if (frame != null) {
        Object answer = LaneCodec.read(frame, 0);
        @SuppressWarnings("unchecked")
        CompletableFuture<Object> f = answer instanceof Answer a
            ? (CompletableFuture<Object>) waiting.remove(a.id()) : null;
        if (f != null) {
          f.complete(answer);
        } else {
          Strays.deliver(answer); // a push, or an answer whose caller gave up
        }
      }
    } catch (IOException | RuntimeException e) {
      if (!(e instanceof IOException io && LaneSocket.isEnd(io))) {
        LOG.warn("closing the lane to {} after a bad answer: {}", address, e.toString());
      }
      close();
    }
  }

  /** Closes this lane, as the end of this JVM would; requests still waiting fail. */
  void close() {
    closed = true;
    socket.close();
    writer.close();
    waiting.forEach((id, answer) -> answer.completeExceptionally(ended()));
  }

  private ProcessError ended() {
    return new ProcessError("the process holding this shared object has ended (its lane at "
        + address + " closed)");
  }
}
