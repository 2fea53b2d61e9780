package io.multiproc;

import io.multiproc.internal.Timeouts;
import io.multiproc.internal.lane.LaneServer;
import io.multiproc.internal.queue.QueueProtocol;
import io.multiproc.internal.queue.QueueClient;
import io.multiproc.internal.route.Owner;
import io.multiproc.internal.queue.QueueState;
import io.multiproc.internal.wire.Reducer;
import java.io.Serializable;
import java.time.Duration;

/**
 * A FIFO queue shared by processes, the twin of CPython's {@code multiprocessing.Queue}.
 *
 * <p>The queue is an actor in the process that created it; the object you hold is a small handle
 * that reaches it from any process it is passed to (as a Process argument, a captured value or an
 * item of another queue). Items are serialised in {@code put}: anything {@link Serializable}
 * travels, and what cannot be sent fails there with a {@link PicklingError}, leaving the queue
 * usable.
 *
 * <p>Nothing is lost: a put to a bounded queue returns once the queue stored the item; a put to an
 * unbounded one goes on at once, and the process waits, before it ends, until its puts are stored
 * (which never waits for a consumer, so a producer never hangs at exit over unconsumed items, as
 * CPython's can, gh-73983). An item is consumed exactly when {@code get} returns it: handed to a
 * getter whose process dies before that (even while decoding it), it goes back to the head of
 * the queue; once {@code get} returned it, it is never delivered again.
 *
 * @param <T> the type of the items
 */
public class Queue<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Raised by a non-blocking or timed-out {@code get} on an empty queue, as {@code queue.Empty}. */
  public static class Empty extends ProcessError {
    private static final long serialVersionUID = 1L;

    public Empty(String message) {
      super(message);
    }
  }

  /** Raised by a non-blocking or timed-out {@code put} on a full queue, as {@code queue.Full}. */
  public static class Full extends ProcessError {
    private static final long serialVersionUID = 1L;

    public Full(String message) {
      super(message);
    }
  }

  private final String path;
  private final String lane;
  private final int maxsize;
  /** The JVM holding the queue's state: a call fails with OwnerGoneError once it is gone. */
  private final Owner owner;
  private transient volatile QueueClient client;
  private transient volatile boolean closed;

  /** An unbounded queue. */
  public Queue() {
    this(0);
  }

  /**
   * A queue holding at most {@code maxsize} items; 0 or less means unbounded.
   *
   * @throws ProcessError when this process cannot start its ActorSystem
   */
  public Queue(int maxsize) {
    this(maxsize, false);
  }

  /** A queue, joinable (counting unfinished tasks) or not. */
  Queue(int maxsize, boolean joinable) {
    this.maxsize = Math.max(0, maxsize);
    this.path = (joinable ? QueueState.joinable(this.maxsize)
        : QueueState.queue(this.maxsize)).publish("queue");
    this.lane = LaneServer.address();
    this.owner = Owner.here();
  }

  /** Puts {@code item}, waiting for room as long as it takes. */
  public void put(T item) {
    put(item, true, null);
  }

  /**
   * Puts {@code item}; when the queue is full, waits for room if {@code block}, at most
   * {@code timeout} (null: no limit).
   *
   * @throws Full when there was no room in time (at once, without {@code block})
   * @throws PicklingError when the item cannot be sent; nothing was put
   * @throws IllegalArgumentException when {@code timeout} is negative
   * @throws IllegalStateException after {@link #close()}
   */
  public void put(T item, boolean block, Duration timeout) {
    checkOpen("put");
    Timeouts.check(timeout);
    byte[] bytes = Reducer.get().dumps(item);
    if (maxsize == 0 && block && timeout == null) {
      // an unbounded queue takes any item: the put goes on without waiting for the queue's
      // answer (this JVM waits for the answers before it ends, and joinThread() does too)
      client().putPipelined(bytes);
      return;
    }
    QueueProtocol.Reply r = client().put(QueueClient.nextId(), bytes, block, millis(block, timeout),
        block ? timeout : Duration.ZERO);
    if (r instanceof QueueProtocol.Full) {
      throw new Full(block ? "the queue stayed full for " + timeout : "the queue is full");
    }
  }

  /** Puts without waiting: {@code put(item, false, null)}. */
  public void putNowait(T item) {
    put(item, false, null);
  }

  /** Takes the head item, waiting for one as long as it takes. */
  public T get() {
    return get(true, null);
  }

  /**
   * Takes the head item; when the queue is empty, waits for one if {@code block}, at most
   * {@code timeout} (null: no limit).
   *
   * @throws Empty when no item came in time (at once, without {@code block})
   * @throws IllegalArgumentException when {@code timeout} is negative
   * @throws IllegalStateException after {@link #close()}
   */
  @SuppressWarnings("unchecked")
  public T get(boolean block, Duration timeout) {
    checkOpen("get");
    Timeouts.check(timeout);
    long id = QueueClient.nextId();
    QueueProtocol.Reply r = client().ask(id, (replyTo, jvm) -> new QueueProtocol.Get(id, block,
        millis(block, timeout), replyTo, jvm), block ? timeout : Duration.ZERO);
    if (r instanceof QueueProtocol.Item item) {
      return (T) client().receive(id, item);
    }
    throw new Empty(block ? "no item came within " + timeout : "the queue is empty");
  }

  /** Takes without waiting: {@code get(false, null)}. */
  public T getNowait() {
    return get(false, null);
  }

  /** The number of items in the queue now (others may change it at once). */
  public int qsize() {
    return sizes().size();
  }

  /** Whether the queue is empty now. */
  public boolean empty() {
    return qsize() == 0;
  }

  /** Whether the queue is full now. */
  public boolean full() {
    return sizes().full();
  }

  /** The queue's capacity; 0 when unbounded. */
  public int maxsize() {
    return maxsize;
  }

  /**
   * Says this process will use the queue no more: its later put and get calls fail. Other
   * processes and the items are not affected.
   */
  public void close() {
    closed = true;
  }

  /**
   * Waits until every item this process put is stored in the queue, as CPython joins its feeder
   * thread. It never waits for a consumer: puts to a bounded queue return only once stored, and
   * an unbounded queue stores at once. A process does this by itself as it ends.
   */
  public void joinThread() {
    client().flush();
  }

  /**
   * CPython's way out of its feeder-thread deadlock (gh-73983); that deadlock cannot happen here,
   * so this does nothing. Kept so ported code runs unchanged.
   */
  public void cancelJoinThread() {
    // nothing to cancel: see joinThread()
  }

  QueueClient client() {
    QueueClient c = client;
    if (c == null) {
      c = new QueueClient(path, lane, owner);
      client = c;
    }
    return c;
  }

  QueueProtocol.Sizes sizes() {
    checkOpen("qsize");
    long id = QueueClient.nextId();
    return (QueueProtocol.Sizes) client().ask(id, (replyTo, jvm) -> new QueueProtocol.Size(id, replyTo),
        Duration.ZERO);
  }

  void checkOpen(String what) {
    if (closed) {
      throw new IllegalStateException("cannot " + what + ": this queue was closed in this process");
    }
  }

  private static long millis(boolean block, Duration timeout) {
    if (!block) {
      return 0;
    }
    return timeout == null ? -1 : Math.max(0, timeout.toMillis());
  }

  @Override
  public String toString() {
    return "<Queue maxsize=" + maxsize + (closed ? " closed" : "") + ">";
  }
}
