package io.multiproc.internal.lane;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.locks.LockSupport;

/**
 * INTERNAL API. The outgoing side of one {@link Lane}: frames leave in the order they were sent.
 * A frame that wants an answer is written by its caller, together with everything queued before
 * it, in one system call; frames that want none (pipelined puts, closes) queue up and go with the
 * next such frame, or with a writer thread that sends what queued while the caller goes on (after
 * a short linger, so a fast producer's puts leave many to a system call).
 */
final class LaneWriter {
  /** Queued bytes past which a caller writes them itself instead of leaving them to the writer. */
  private static final int QUEUED_MAX = 1 << 20;
  /** A frame bigger than this is written by its caller at once, not copied into the queue. */
  private static final int BIG_FRAME = 64 * 1024;
  /** How long queued frames wait for a request to take them along before the writer sends them. */
  private static final long LINGER_NANOS = 50_000;
  /** A put queued sooner than this after the one before is part of a burst, and waits. */
  private static final long BURST_NANOS = 5_000;
  /** How long a queued frame waits at most, while the lane is active, for something to take it along. */
  private static final long TICK_NANOS = 5_000_000;
  /** How long the writer keeps ticking after the last frame queued, before it parks for good. */
  private static final long ACTIVE_NANOS = 200_000_000;
  /** The biggest buffer kept for the next frames after a write. */
  private static final int SPARE_MAX = 64 * 1024;

  /** What the writer thread does. */
  private enum Mode {
    /** Sending, or about to look what to do. */
    RUNNING,
    /** Parked for a short linger; puts are queued, it sends them after. */
    LINGERING,
    /** Parked for a tick: the lane was active a moment ago, little or nothing is queued. */
    TICKING,
    /** Parked until woken: the lane was idle. */
    PARKED
  }

  private final LaneSocket socket;
  private final Runnable onFailure;
  /** Frames that want no answer, queued in order; guarded by itself. */
  private Frames queued = new Frames();
  /** Taken by whoever writes to the socket, so queued frames leave in order. */
  private final Object writing = new Object();
  private final Thread writerThread;
  private Mode mode = Mode.RUNNING; // guarded by this
  private boolean urgentQueued; // guarded by this
  private long lastUrgent; // guarded by this
  private long lastActive; // guarded by this
  private Frames spare; // guarded by this
  private volatile boolean closed;

  /** Frames put together, each with its length. */
  private static final class Frames extends ByteArrayOutputStream {
    Frames() {
      super(256);
    }

    byte[] array() {
      return buf;
    }
  }

  /** The writer of {@code socket}; {@code onFailure} runs when its thread cannot write. */
  LaneWriter(LaneSocket socket, Runnable onFailure) {
    this.socket = socket;
    this.onFailure = onFailure;
    this.writerThread = new Thread(null, this::writeLoop, "multiproc-lane-writer", 256 * 1024);
    writerThread.setDaemon(true);
  }

  void start() {
    writerThread.start();
  }

  /** Stops the writer thread (the socket was closed). */
  void close() {
    closed = true;
    LockSupport.unpark(writerThread);
  }

  /** Queues {@code frame} to go before the next one sent; it leaves with it. */
  synchronized void queue(LaneSocket.Frame frame) {
    queued.write(frame.toByteArrayUnsafe(), 0, frame.size());
  }

  /**
   * Sends {@code frame} after every frame before it: written by the caller now (with what is
   * queued) when {@code now}, else queued for a request or the writer thread to take along.
   */
  void send(LaneSocket.Frame frame, boolean now) throws IOException {
    send(frame, now, false);
  }

  /**
   * As {@link #send(LaneSocket.Frame, boolean)}; {@code lazily}: a frame that wants no answer
   * and may wait, as one of a burst does, whether or not others came just before (a stream of
   * small writes, each of which would otherwise be a system call): it leaves within the linger.
   */
  void send(LaneSocket.Frame frame, boolean now, boolean lazily) throws IOException {
    if (frame.size() > BIG_FRAME) { // not copied into the queue: written after what is in it
      synchronized (writing) {
        flushQueued();
        socket.writeRaw(frame.toByteArrayUnsafe(), frame.size());
      }
      return;
    }
    boolean writesNow;
    boolean wake;
    synchronized (this) {
      queued.write(frame.toByteArrayUnsafe(), 0, frame.size());
      long t = System.nanoTime();
      if (now) {
        writesNow = true;
      } else {
        // a lone put goes at once; one of a burst waits for the writer to take many together
        writesNow = (!lazily && t - lastUrgent > BURST_NANOS) || queued.size() >= QUEUED_MAX;
        lastUrgent = t;
        urgentQueued = !writesNow;
      }
      lastActive = t;
      wake = !writesNow && (mode == Mode.PARKED || mode == Mode.TICKING);
      if (wake) {
        mode = Mode.RUNNING;
      }
    }
    if (writesNow) {
      flushQueued();
    } else if (wake) {
      LockSupport.unpark(writerThread);
    }
  }

  /** Writes every queued frame, in order, with one system call. */
  private void flushQueued() throws IOException {
    synchronized (writing) {
      Frames out;
      synchronized (this) {
        urgentQueued = false;
        if (queued.size() == 0) {
          return;
        }
        out = queued;
        queued = spare != null ? spare : new Frames();
        spare = null;
      }
      socket.writeRaw(out.array(), out.size());
      out.reset();
      if (out.array().length <= SPARE_MAX) {
        synchronized (this) {
          spare = out;
        }
      }
    }
  }

  /**
   * The writer thread: sends queued puts after a short linger (a request made meanwhile takes
   * them along), and whatever no request took along after a tick; parks for good once the lane
   * was idle for a while.
   */
  private void writeLoop() {
    while (!closed) {
      Mode next;
      synchronized (this) {
        long idle = System.nanoTime() - lastActive;
        next = urgentQueued ? Mode.LINGERING
            : queued.size() > 0 || idle < ACTIVE_NANOS ? Mode.TICKING : Mode.PARKED;
        mode = next;
      }
      if (next == Mode.PARKED) {
        LockSupport.park(this);
        continue;
      }
      LockSupport.parkNanos(this, next == Mode.LINGERING ? LINGER_NANOS : TICK_NANOS);
      synchronized (this) {
        mode = Mode.RUNNING;
      }
      try {
        flushQueued();
      } catch (IOException e) {
        onFailure.run();
      }
    }
  }

}
