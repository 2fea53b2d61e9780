package io.multiproc.internal.queue;

import io.multiproc.BrokenPipeError;
import io.multiproc.ProcessError;
import io.multiproc.internal.Finalizers;
import io.multiproc.internal.ProcessRuntime;
import io.multiproc.internal.queue.QueueProtocol.Command;
import io.multiproc.internal.queue.QueueProtocol.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import io.multiproc.internal.lane.Lane;
import io.multiproc.internal.route.Owner;
import io.multiproc.internal.route.Route;
import io.multiproc.internal.transport.Peer;
import io.multiproc.internal.transport.Gateway;
import io.multiproc.internal.transport.Strays;
import io.multiproc.internal.wire.Reducer;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * INTERNAL API. One handle's way to a queue or pipe end: request ids unique across the program,
 * and the route each request takes. In the JVM that holds the queue's state a request is a method
 * call on it; from another JVM it goes over a {@link Lane} (a direct socket to that JVM) where
 * there is one, else over Artery to that JVM's gateway, and the reply comes back through this
 * JVM's {@link Inbox}.
 *
 * <p>Puts that need no answer before the caller goes on (to an unbounded queue, or a pipe end) do
 * not wait for one: on a lane they queue up behind the requests before them (see {@link Lane});
 * over Artery they are batched, the first at once and those made while a batch is on its way
 * together when it is acknowledged, so a fast producer sends few, large messages; every other
 * request first sends what is batched, so one handle's requests arrive in order.
 */
public final class QueueClient {
  /** Where the queues' answers come in over Artery. */
  private static final Route.Inbox<Reply> INBOX = Route.Inbox.of(Inbox::ref, Inbox::expect,
      Inbox::forget);
  /** Batches on their way and not yet acknowledged, at most, per handle. */
  private static final int BATCHES_IN_FLIGHT = 2;
  /** Items of one batch, at most (and at most {@link QueueProtocol#PART} bytes). */
  private static final int BATCH_ITEMS = 8192;
  /** Items waiting for a batch, at most, before a put waits: a producer cannot outrun memory. */
  private static final int BUFFERED_ITEMS = 65_536;
  /** Clients with puts in flight, for the flush at the end of the process. */
  private static final Set<QueueClient> IN_FLIGHT = ConcurrentHashMap.newKeySet();

  static {
    Strays.handle(Reply.class, Inbox::deliver); // answers a lane read after their caller gave up
    Gateway.beforeSend(QueueClient::sendAllBuffered); // nothing overtakes a batched put
    Finalizers.register("pipelined puts handled", Finalizers.FLUSH, QueueClient::flushAll);
  }

  /** Makes the request of one call, given where the answer goes and who asks (null locally). */
  @FunctionalInterface
  public interface Request {
    Command make(ActorRef<Reply> replyTo, ActorRef<?> jvm);
  }

  private final String path;
  private final Route route;
  private volatile QueueState local;
  private volatile boolean lookedUp;
  private final SendWindow window = new SendWindow();
  private volatile String broken; // why sends to this pipe end fail, once they do
  private final Object batchLock = new Object();
  private final List<byte[]> buffer = new ArrayList<>();
  private int inFlight;

  /**
   * The way to the queue at {@code path}, whose JVM ({@code owner}) accepts lanes at {@code
   * laneAddress} (null: it does not, and other JVMs reach it over Artery).
   */
  public QueueClient(String path, String laneAddress, Owner owner) {
    this.path = path;
    this.route = new Route(path, "queue", laneAddress, Route.Target.RECEIVER, owner);
  }

  /** A request id no other request of the program uses. */
  public static long nextId() {
    return Route.nextId();
  }

  public String path() {
    return path;
  }

  /** The state, when it lives in this JVM; else null. */
  private QueueState local() {
    if (!lookedUp) {
      local = QueueState.here(path);
      lookedUp = true;
    }
    return local;
  }

  /** The lane to the queue's JVM, opened on first use; null when Artery is the way. */
  private Lane lane() {
    return route.lane();
  }

  /**
   * Sends request {@code id} and waits for its answer; {@code wait} is how long the queue itself
   * may keep the request waiting (null: for ever).
   */
  public Reply ask(long id, Request request, Duration wait) {
    QueueState state = local();
    if (state != null) {
      CompletableFuture<Reply> reply = new CompletableFuture<>();
      state.handle(request.make(null, null), reply::complete, QueueState.LOCAL);
      return awaitLocal(state, id, reply);
    }
    // an answer that comes after this thread gave up (interrupted) lands here, not nowhere
    CompletableFuture<Reply> late = Inbox.expect(id);
    try {
      return route.ask(id, (replyTo, jvm) -> request.make(inboxRef(replyTo), jvm), INBOX, wait);
    } catch (ProcessError e) {
      Reply raced = Thread.currentThread().isInterrupted() ? takeBack(id, late) : null;
      if (raced == null) {
        throw e;
      }
      return raced; // what the queue did meanwhile is not undone: the item is returned
    } finally {
      Inbox.forget(id);
    }
  }

  /**
   * Takes interrupted request {@code id} back at the queue, as the queue's own JVM does: its
   * waiter leaves, so it swallows no later item. The round trip after it comes back after any
   * answer to {@code id} (a route keeps the order), so the answer that raced the interrupt, an
   * item or a stored put, is in {@code late} by then; it is returned (null: none raced, or the
   * queue's JVM is gone). The interrupt flag stays set.
   */
  private Reply takeBack(long id, CompletableFuture<Reply> late) {
    Thread.interrupted(); // the round trip below must not be cut short by the same interrupt
    try {
      route.tell((replyTo, jvm) -> new QueueProtocol.TimedOut(id), INBOX, true);
      long check = nextId();
      route.ask(check, (replyTo, jvm) -> new QueueProtocol.Size(check, inboxRef(replyTo)), INBOX,
          Duration.ZERO);
    } catch (ProcessError gone) {
      // the queue's JVM is gone: nothing is left registered there
    } finally {
      Thread.currentThread().interrupt();
    }
    Reply r = late.getNow(null);
    // Empty and Full are the take-back's own answers: the request did nothing
    return r instanceof QueueProtocol.Empty || r instanceof QueueProtocol.Full ? null : r;
  }

  @SuppressWarnings("unchecked")
  private static ActorRef<Reply> inboxRef(ActorRef<?> replyTo) {
    return (ActorRef<Reply>) replyTo;
  }

  /** Sends a request that has no answer, in order after this handle's earlier ones. */
  public void tell(Request request) {
    QueueState state = local();
    if (state != null) {
      state.handle(request.make(null, null), r -> { }, QueueState.LOCAL);
      return;
    }
    send(request);
  }

  /** Sends a request that wants no answer over the lane, or else over Artery. */
  private void send(Request request) {
    route.tell((replyTo, jvm) -> request.make(inboxRef(replyTo), jvm), INBOX, false);
  }

  /**
   * Puts {@code item} (request {@code id}) and waits for the answer; a big item goes to another
   * JVM in parts, the last in the put itself, which Artery keeps in order behind the others.
   */
  public Reply put(long id, byte[] item, boolean block, long timeoutMs, Duration wait) {
    if (local() == null && lane() == null && item.length > QueueProtocol.PART) {
      int last = ((item.length - 1) / QueueProtocol.PART) * QueueProtocol.PART;
      for (int at = 0; at < last; at += QueueProtocol.PART) {
        Gateway.send(path, new QueueProtocol.PutPart(id,
            java.util.Arrays.copyOfRange(item, at, at + QueueProtocol.PART),
            ProcessRuntime.registry()));
      }
      byte[] tail = java.util.Arrays.copyOfRange(item, last, item.length);
      return ask(id, (replyTo, jvm) -> new QueueProtocol.Put(id, tail, block, timeoutMs, replyTo,
          jvm), wait);
    }
    return ask(id, (replyTo, jvm) -> new QueueProtocol.Put(id, item, block, timeoutMs, replyTo, jvm),
        wait);
  }

  /**
   * Puts {@code item} to a queue that takes any item at once (unbounded, or a pipe end) without
   * waiting for its answer; this JVM waits for the answers before it ends ({@link #flushAll()}).
   */
  public void putPipelined(byte[] item) {
    QueueState state = local();
    if (state != null) {
      state.handle(new QueueProtocol.Put(nextId(), item, true, -1, null, null), r -> { },
          QueueState.LOCAL);
      return;
    }
    if (lane() != null) { // the lane keeps puts in order and queues them up itself
      route.tell((replyTo, jvm) -> new QueueProtocol.Put(nextId(), item, true, -1, null, null),
          INBOX, false);
      return;
    }
    if (item.length > QueueProtocol.PART) { // too big for a batch: goes alone, waits for its answer
      put(nextId(), item, true, -1, null);
      return;
    }
    synchronized (batchLock) {
      while (buffer.size() >= BUFFERED_ITEMS) {
        waitOn(batchLock);
      }
      buffer.add(item);
      IN_FLIGHT.add(this);
      while (inFlight < BATCHES_IN_FLIGHT && !buffer.isEmpty()) {
        sendBatch();
      }
    }
  }

  /** Sends what is batched now, whatever is on its way (so a later request comes after it). */
  private void sendBuffered() {
    synchronized (batchLock) {
      while (!buffer.isEmpty()) {
        sendBatch();
      }
    }
  }

  /** Sends the oldest batch of the buffer; the caller holds the batch lock. */
  private void sendBatch() {
    int n = 0;
    int bytes = 0;
    while (n < buffer.size() && n < BATCH_ITEMS
        && (n == 0 || bytes + buffer.get(n).length <= QueueProtocol.PART)) {
      bytes += buffer.get(n).length;
      n++;
    }
    List<byte[]> batch = new ArrayList<>(buffer.subList(0, n));
    buffer.subList(0, n).clear();
    inFlight++;
    long id = nextId();
    Inbox.expect(id).whenComplete((r, e) -> acknowledged());
    // not through the hooks: this is what they send
    Gateway.sendNow(path, new QueueProtocol.PutBatch(id, batch, Inbox.ref(),
        ProcessRuntime.registry()));
    batchLock.notifyAll();
  }

  private void acknowledged() {
    synchronized (batchLock) {
      inFlight--;
      while (inFlight < BATCHES_IN_FLIGHT && !buffer.isEmpty()) {
        sendBatch();
      }
      batchLock.notifyAll();
    }
  }

  /** Sends what every handle of this JVM batched, so that a message sent now comes after it. */
  private static void sendAllBuffered() {
    for (QueueClient c : IN_FLIGHT) {
      c.sendBuffered();
    }
  }

  /** Waits until every pipelined put of this handle is stored. */
  public void flush() {
    Lane lane = lane();
    if (lane != null) {
      lane.sync();
      return;
    }
    sendBuffered();
    synchronized (batchLock) {
      while (inFlight > 0) {
        waitOn(batchLock);
      }
    }
  }

  /** Waits until every pipelined put of this JVM is stored; called as a process ends. */
  public static void flushAll() {
    Lane.syncAll();
    for (QueueClient c : IN_FLIGHT) {
      c.flush();
      IN_FLIGHT.remove(c);
    }
  }

  /**
   * Decodes the item that get {@code id} received and only then confirms it to the queue, so an
   * item is consumed exactly when its getter returns it: a process killed while decoding leaves
   * the item to the queue (it goes to the next getter), and once this returns the confirmation
   * has left this JVM (the item is never delivered again). An item that cannot be decoded here
   * is consumed all the same, as in CPython: given back, it would stop every getter in turn.
   */
  public Object receive(long id, QueueProtocol.Item item) {
    try {
      return Reducer.get().loads(item.item());
    } finally {
      taken(id);
    }
  }

  private void taken(long id) {
    if (local() != null) {
      return; // an item handed to a thread of the queue's own JVM is never given back
    }
    try {
      if (lane() != null) {
        route.tell((replyTo, jvm) -> new QueueProtocol.Taken(id, null), INBOX, true);
      } else { // Artery may drop what a killed JVM sent last: the queue acknowledges it
        ask(id, (replyTo, jvm) -> new QueueProtocol.Taken(id, replyTo), Duration.ZERO);
      }
    } catch (ProcessError e) {
      // the queue's process is gone: nobody is left to give the item to another getter
    }
  }

  /**
   * Sends {@code item} to a pipe end: pipelined, but a sender waits for room where the end holds
   * {@code multiproc.pipe.buffer} bytes that nobody received yet, as a writer of an OS pipe does,
   * and fails once every copy of the reading connection is closed or its process ended.
   *
   * @throws BrokenPipeError when nobody can receive it any more; it was not sent
   */
  public void send(byte[] item) {
    if (broken != null) {
      throw new BrokenPipeError(broken);
    }
    if (local() == null && window.fits(item.length)) {
      putPipelined(item); // the queue's answer comes with a later send of the window
      return;
    }
    long id = nextId();
    Reply r = put(id, item, true, -1, null);
    window.reset();
    if (r instanceof QueueProtocol.Failed f) {
      broken = f.message();
      throw new BrokenPipeError(f.message());
    }
  }

  private Reply awaitLocal(QueueState state, long id, CompletableFuture<Reply> reply) {
    try {
      // a pipe end fed by one other JVM: read its lane here, the answer then wakes no one else
      Peer feeder;
      while (!reply.isDone() && !Thread.currentThread().isInterrupted()
          && (feeder = state.soleFeeder()) != null && feeder.readFor(reply)) {
        // readFor returns once the answer came, or this thread was interrupted
      }
      return reply.get();
    } catch (InterruptedException e) {
      // stop waiting at the queue; an item that came meanwhile is returned, not lost
      state.handle(new QueueProtocol.TimedOut(id), null, null);
      Thread.currentThread().interrupt();
      Reply r = reply.getNow(null);
      if (r != null) {
        return r;
      }
      throw new ProcessError("interrupted while waiting on the queue at " + path, e);
    } catch (ExecutionException e) {
      throw new ProcessError("the queue at " + path + " failed: " + e.getCause(), e.getCause());
    }
  }

  private void waitOn(Object lock) {
    try {
      lock.wait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProcessError("interrupted while putting on the queue at " + path, e);
    }
  }
}
