package io.multiproc.internal.lane;

import io.multiproc.internal.transport.Peer;
import io.multiproc.internal.transport.Receiver;
import io.multiproc.internal.transport.Receivers;
import io.multiproc.internal.wire.Ack;
import io.multiproc.internal.wire.LaneCodec;
import io.multiproc.internal.wire.Wire;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * INTERNAL API. The accepting side of one lane: it reads the other JVM's frames and hands each to
 * the {@link Receiver} registered for its path. It is also the owner of what that JVM asked for,
 * so when the lane ends (the JVM ended, or was killed) the states clean up after it at once.
 *
 * <p>Its own thread reads while nobody else wants to. A thread of this JVM waiting for a pipe end
 * that only this lane writes into reads the lane itself instead (see {@link #readFor}): the
 * message it waits for then wakes it directly, with no thread in between, and this lane's thread
 * stands aside until such readers have been gone for a moment.
 */
final class Inbound implements Peer {
  private static final Logger LOG = LoggerFactory.getLogger(Inbound.class);
  /** How often a reader blocked on the socket looks up (interrupt, a reader waiting to take over). */
  private static final int READ_TIMEOUT_MS = 50;
  /** How long this lane's thread stands aside after the last reader of this JVM left. */
  private static final long STAND_ASIDE_NANOS = 1_000_000;

  private final LaneSocket lane;
  private final String peer;
  private final Map<Integer, Receiver> bound = new HashMap<>(); // guarded by the reading turn
  private final Set<Receiver> used = new HashSet<>(); // guarded by the reading turn
  private final Batch batch = new Batch(); // guarded by the reading turn
  private final ReadTurns turns = new ReadTurns();
  private final Spin spin = new Spin(); // used by this JVM's threads that read for themselves
  private final AtomicInteger localReaders = new AtomicInteger();
  private volatile long localLeft;
  private volatile boolean closed;
  private boolean cleanedUp; // guarded by this

  Inbound(LaneSocket lane, String peer) throws IOException {
    this.lane = lane;
    this.peer = peer;
    lane.readTimeout(READ_TIMEOUT_MS);
  }

  /** This lane's own reading loop, until the lane ends. */
  void run() {
    while (!closed) {
      if (localReaders.get() > 0 || System.nanoTime() - localLeft < STAND_ASIDE_NANOS) {
        LockSupport.parkNanos(this, STAND_ASIDE_NANOS);
        continue;
      }
      turns.acquire();
      try {
        step(false);
      } finally {
        turns.release();
      }
    }
    cleanUp();
  }

  @Override
  public boolean readFor(CompletableFuture<?> reply) {
    if (closed) {
      return false;
    }
    Thread me = Thread.currentThread();
    localReaders.incrementAndGet();
    BooleanSupplier more = () -> !reply.isDone() && !closed && !me.isInterrupted();
    try {
      while (more.getAsBoolean()) {
        turns.take(reply, more, () -> step(true));
      }
    } finally {
      localLeft = System.nanoTime();
      localReaders.decrementAndGet();
    }
    if (closed) {
      cleanUp();
    }
    return !closed;
  }

  /**
   * Reads and handles one frame, or returns when none came for a while; holds the turn. A thread
   * of this JVM waiting for its own message spins a moment first ({@link Spin}).
   */
  private void step(boolean spinFirst) {
    try {
      if (!batch.isEmpty() && !lane.readable()) {
        batch.store(); // nothing more has come: the puts gathered go in now
      }
      // what a waiting thread of this JVM wants may come soon
      byte[] frame = spinFirst ? lane.readSome(spin) : lane.readSome();
      if (frame != null) {
        handle(frame);
      }
    } catch (IOException | RuntimeException e) {
      if (!(e instanceof IOException io && LaneSocket.isEnd(io))) {
        LOG.warn("closing the lane from {} after a bad request: {}", peer, e.toString());
      }
      closed = true;
      batch.store();
      lane.close();
    }
  }

  private void handle(byte[] frame) throws IOException {
    int index = ((frame[1] & 0xff) << 24) | ((frame[2] & 0xff) << 16)
        | ((frame[3] & 0xff) << 8) | (frame[4] & 0xff);
    if (frame[0] == LaneServer.BIND) {
      String path = new DataInputStream(new ByteArrayInputStream(frame, 5, frame.length - 5))
          .readUTF();
      Receiver receiver = Receivers.here(path);
      if (receiver == null) {
        throw new IOException("no shared object at " + path + " in this JVM");
      }
      bound.put(index, receiver);
      return;
    }
    if (frame[0] == LaneServer.SYNC) {
      batch.store();
      answer((Ack) LaneCodec.read(frame, 5));
      return;
    }
    Receiver receiver = bound.get(index);
    if (receiver == null) {
      throw new IOException("a request names receiver " + index + ", which was never bound");
    }
    used.add(receiver);
    Object request = LaneCodec.read(frame, 5);
    boolean tell = frame[0] == LaneServer.TELL;
    if (tell && receiver.gathers(request)) {
      batch.add(receiver, request);
      return;
    }
    batch.store(); // what came before this request is handled before it
    receiver.receive(request, tell ? Receiver.Replier.NONE : this::answer, this);
  }

  private void answer(Wire reply) {
    LaneSocket.Frame frame = new LaneSocket.Frame(LaneCodec.sizeHint(reply));
    LaneCodec.write(reply, frame);
    try {
      lane.write(frame);
    } catch (IOException e) {
      // the other JVM is gone: this lane's reader ends and the states drop what it asked for
    }
  }

  /** Once the lane ended: the receivers drop what the other JVM asked for. */
  private void cleanUp() {
    Set<Receiver> receivers;
    synchronized (this) {
      if (cleanedUp) {
        return;
      }
      cleanedUp = true;
    }
    turns.acquire(); // the last reader has left the socket
    try {
      receivers = new HashSet<>(used);
    } finally {
      turns.release();
    }
    for (Receiver receiver : receivers) {
      receiver.peerGone(this);
    }
  }

  @Override
  public String toString() {
    return "lane from " + peer;
  }

  /**
   * Tells to one receiver that came one after another and that it lets wait (pipelined puts to
   * an unbounded queue): handed over with one call, so a consumer waiting on the queue wakes once
   * for many items, not once for each.
   */
  private final class Batch {
    private static final int MAX = 4096;
    private Receiver receiver;
    private List<Object> messages = new ArrayList<>();

    boolean isEmpty() {
      return messages.isEmpty();
    }

    void add(Receiver to, Object message) {
      if (to != receiver) {
        store();
        receiver = to;
      }
      messages.add(message);
      if (messages.size() >= MAX) {
        store();
      }
    }

    void store() {
      if (!messages.isEmpty()) {
        List<Object> full = messages;
        messages = new ArrayList<>();
        receiver.receiveAll(full, Inbound.this);
      }
    }
  }
}
