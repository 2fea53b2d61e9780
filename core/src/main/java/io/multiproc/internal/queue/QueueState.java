package io.multiproc.internal.queue;

import io.multiproc.internal.transport.Peer;
import io.multiproc.internal.transport.Receivers;
import io.multiproc.internal.queue.QueueProtocol.Command;
import io.multiproc.internal.queue.QueueProtocol.Reply;
import io.multiproc.internal.route.Waiters;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * INTERNAL API. What a queue or pipe end holds and how it answers, in the JVM that created it:
 * the items (serialised; it never decodes them), the waiting getters and putters served first
 * come, first served, and every item handed to another JVM until that JVM confirms it.
 *
 * <p>Requests come from three places, each with its own way to answer and its own owner (what
 * dies with the requester): threads of this JVM call {@link #handle} directly (the owner is
 * {@link #LOCAL}, which never dies apart from the state), the {@link QueueProtocol} passes on what
 * came over Artery (the owner is the requesting JVM's registry), and a lane passes on what came
 * over its socket (the owner is the lane). Answers are sent after the state's lock is released,
 * so a slow reader never holds up the queue.
 *
 * <p>Nothing is lost: a put is answered only once its item is stored (or handed over); an item
 * handed to an owner that dies before confirming it goes back to the head of the queue; a
 * getter, putter, poller or joiner of a dead owner stops waiting; a pipe end's writer copy held
 * by a dead owner is closed.
 */
public final class QueueState {
  /** The owner of requests made by threads of this JVM. */
  public static final Object LOCAL = new Object() {
    @Override
    public String toString() {
      return "this JVM";
    }
  };

  /** Where the answer to one request goes. Called without the state's lock held. */
  @FunctionalInterface
  public interface Replier {
    void reply(Reply reply);
  }

  private static final Logger LOG = LoggerFactory.getLogger(QueueState.class);
  private static final Map<String, QueueState> HERE = new ConcurrentHashMap<>();
  private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor(
      r -> {
        Thread t = new Thread(r, "multiproc-queue-timers");
        t.setDaemon(true);
        return t;
      });

  private record Waiting(long id, Command request, Replier replier, Object owner) {}

  private record Answer(Replier to, Reply reply) {}

  /** Why a put to a pipe end that nobody can read fails. */
  static final String BROKEN = "broken pipe: every copy of the receiving end of this pipe is"
      + " closed, or ended with its process; nothing sent now can be received";

  private final int maxsize;
  /** A pipe end's bytes held before a put waits for room; 0 for a queue (it counts items). */
  private final long maxBytes;
  private final ArrayDeque<byte[]> items = new ArrayDeque<>();
  private long heldBytes;
  /** One timer for the deadlines of every waiter of this state (their ids differ). */
  private final Waiters.Timer timer = Waiters.Timer.of(TIMERS,
      id -> handle(new QueueProtocol.TimedOut(id), null, null));
  private final Waiters<Waiting> getters = new Waiters<>(timer, Waiting::owner);
  private final Waiters<Waiting> putters = new Waiters<>(timer, Waiting::owner);
  private final Waiters<Waiting> pollers = new Waiters<>(timer, Waiting::owner);
  private final Waiters<Waiting> joiners = new Waiters<>(timer, Waiting::owner);
  private final Lent lent;
  /** For a pipe end: the open copies of the connections writing and reading here; else null. */
  private final Copies copies;
  private long unfinished;

  private QueueState(int maxsize, boolean joinable, Long firstWriter, Long firstReader,
      long maxBytes) {
    this.maxsize = maxsize;
    this.maxBytes = maxBytes;
    this.lent = new Lent(joinable);
    this.copies = firstWriter == null ? null : new Copies(firstWriter, firstReader);
  }

  /** A queue holding at most {@code maxsize} items (0 or less: unbounded). */
  public static QueueState queue(int maxsize) {
    return new QueueState(Math.max(0, maxsize), false, null, null, 0);
  }

  /**
   * A joinable queue holding at most {@code maxsize} items (0 or less: unbounded): it counts
   * unfinished tasks, and an item taken by a process that dies before its task_done goes back.
   */
  public static QueueState joinable(int maxsize) {
    return new QueueState(Math.max(0, maxsize), true, null, null, 0);
  }

  /**
   * The mailbox of a pipe end, written into by the connection whose first copy is
   * {@code firstWriter} and read by the one whose first copy is {@code firstReader}: a get finds
   * the end of the stream once every writer copy is closed, a put fails once every reader copy
   * is, and a put waits for room while the end holds {@code maxBytes} or more.
   */
  public static QueueState pipeEnd(long firstWriter, long firstReader, long maxBytes) {
    return new QueueState(0, false, firstWriter, firstReader, maxBytes);
  }

  /** Whether this state takes every put at once (an unbounded queue, a pipe end). */
  public boolean unbounded() {
    return maxsize == 0;
  }

  /**
   * The connection every open writer copy of this pipe end belongs to, when there is exactly one
   * such; else null (a queue, a copy in this JVM or not yet claimed, several writers).
   */
  public synchronized Peer soleFeeder() {
    return copies == null ? null : copies.soleFeeder();
  }

  /**
   * Makes this state reachable from this JVM's threads, lanes and the gateway under a new path of
   * {@code kind}, and returns the path, which handles carry.
   */
  public String publish(String kind) {
    String path = Receivers.publish(kind, new QueueReceiver(this));
    HERE.put(path, this);
    return path;
  }

  /** The state published under {@code path} in this JVM, or null when it lives elsewhere. */
  public static QueueState here(String path) {
    return HERE.get(path);
  }

  /** Handles {@code request} made by {@code owner}; its answer (if any) goes to {@code to}. */
  public void handle(Command request, Replier to, Object owner) {
    List<Answer> out = new ArrayList<>(2);
    synchronized (this) {
      dispatch(request, to, owner, out);
    }
    send(out);
  }

  /**
   * {@code owner} died: its waiting requests end, its pipe-end copies close, and the items handed
   * to it but not confirmed go back to the head of the queue, in their order.
   */
  public void ownerDown(Object owner) {
    List<Answer> out = new ArrayList<>();
    int back;
    synchronized (this) {
      back = dropOwner(owner, out);
    }
    if (back > 0) {
      LOG.warn("{} item(s) handed to a process that died before its get() returned them (or,"
          + " from a JoinableQueue, before its task_done()) went back to the head of the queue",
          back);
    }
    send(out);
  }

  private static void send(List<Answer> out) {
    for (Answer a : out) {
      a.to().reply(a.reply());
    }
  }

  private void dispatch(Command c, Replier to, Object owner, List<Answer> out) {
    if (c instanceof QueueProtocol.Put p) {
      onPut(p, to, owner, out);
    } else if (c instanceof QueueProtocol.PutBatch b) {
      for (byte[] item : b.items()) {
        store(item, out);
      }
      out.add(new Answer(to, new QueueProtocol.Ok(b.id())));
    } else if (c instanceof QueueProtocol.Get g) {
      onGet(g, to, owner, out);
    } else if (c instanceof QueueProtocol.Taken t) {
      lent.taken(t.id());
      out.add(new Answer(to, new QueueProtocol.Ok(t.id())));
    } else if (c instanceof QueueProtocol.Size s) {
      out.add(new Answer(to, new QueueProtocol.Sizes(s.id(), items.size(), isFull(),
          getters.size())));
    } else if (c instanceof QueueProtocol.TaskDone t) {
      onTaskDone(t, to, owner, out);
    } else if (c instanceof QueueProtocol.Join j) {
      if (unfinished == 0) {
        out.add(new Answer(to, new QueueProtocol.Ok(j.id())));
      } else {
        joiners.add(j.id(), new Waiting(j.id(), j, to, owner), -1);
      }
    } else if (c instanceof QueueProtocol.Attach a) {
      copies.attach(a.reads(), a.copy());
      out.add(new Answer(to, new QueueProtocol.Ok(a.id())));
    } else if (c instanceof QueueProtocol.Claim cl) {
      copies.claim(cl.reads(), cl.copy(), owner);
    } else if (c instanceof QueueProtocol.Detach d) {
      copies.detach(d.reads(), d.copy());
      endIfNoWriter(out);
      breakIfNoReader(out);
    } else if (c instanceof QueueProtocol.Poll p) {
      onPoll(p, to, owner, out);
    } else if (c instanceof QueueProtocol.TimedOut t) {
      onTimedOut(t.id(), out);
    } else {
      throw new IllegalArgumentException("not a request a queue state takes: " + c);
    }
  }

  private boolean isFull() {
    return maxsize > 0 ? items.size() >= maxsize : maxBytes > 0 && heldBytes >= maxBytes;
  }

  /** Whether nobody can receive from this pipe end any more. */
  private boolean broken() {
    return copies != null && copies.noReader();
  }

  private boolean atEnd() {
    return copies != null && copies.noWriter() && items.isEmpty();
  }

  private void onPut(QueueProtocol.Put p, Replier to, Object owner, List<Answer> out) {
    if (broken()) {
      out.add(new Answer(to, new QueueProtocol.Failed(p.id(), BROKEN)));
    } else if (!isFull() && putters.isEmpty()) {
      store(p.item(), out);
      out.add(new Answer(to, new QueueProtocol.Ok(p.id())));
    } else if (!p.block() || p.timeoutMs() == 0) {
      out.add(new Answer(to, new QueueProtocol.Full(p.id())));
    } else {
      putters.add(p.id(), new Waiting(p.id(), p, to, owner), deadline(p.timeoutMs()));
    }
  }

  private void store(byte[] item, List<Answer> out) {
    if (broken()) {
      return; // a pipelined send nobody can receive: dropped, its sender learns it later
    }
    append(item);
    serveGetters(out);
    answerPollers(out);
  }

  private void append(byte[] item) {
    items.addLast(item);
    heldBytes += item.length;
    unfinished++;
  }

  private void onGet(QueueProtocol.Get g, Replier to, Object owner, List<Answer> out) {
    if (atEnd()) {
      out.add(new Answer(to, new QueueProtocol.Eof(g.id())));
    } else if (!items.isEmpty() && getters.isEmpty()) {
      handOut(g.id(), to, owner, pollItem(), out);
      admitPutters(out);
    } else if (!g.block() || g.timeoutMs() == 0) {
      out.add(new Answer(to, new QueueProtocol.Empty(g.id())));
    } else {
      getters.add(g.id(), new Waiting(g.id(), g, to, owner), deadline(g.timeoutMs()));
    }
  }

  private void handOut(long id, Replier to, Object owner, byte[] item, List<Answer> out) {
    if (owner != LOCAL) { // a thread of this JVM cannot die apart from the queue
      lent.handOut(id, item, owner);
    }
    out.add(new Answer(to, new QueueProtocol.Item(id, item)));
  }

  private byte[] pollItem() {
    byte[] item = items.pollFirst();
    heldBytes -= item.length;
    return item;
  }

  /** Waiting getters take items first come, first served. */
  private void serveGetters(List<Answer> out) {
    while (!items.isEmpty() && !getters.isEmpty()) {
      Waiting w = getters.takeFirst();
      handOut(w.id(), w.replier(), w.owner(), pollItem(), out);
    }
  }

  /** Room was made: waiting putters store their items, first come, first served. */
  private void admitPutters(List<Answer> out) {
    while (!isFull() && !putters.isEmpty()) {
      Waiting w = putters.takeFirst();
      append(((QueueProtocol.Put) w.request()).item());
      out.add(new Answer(w.replier(), new QueueProtocol.Ok(w.id())));
    }
    serveGetters(out);
  }

  private void onPoll(QueueProtocol.Poll p, Replier to, Object owner, List<Answer> out) {
    if (!items.isEmpty() || atEnd()) {
      out.add(new Answer(to, new QueueProtocol.Ok(p.id())));
    } else if (p.timeoutMs() == 0) {
      out.add(new Answer(to, new QueueProtocol.Empty(p.id())));
    } else {
      pollers.add(p.id(), new Waiting(p.id(), p, to, owner), deadline(p.timeoutMs()));
    }
  }

  private void answerPollers(List<Answer> out) {
    if (!items.isEmpty() || atEnd()) {
      pollers.takeAll().forEach(w -> out.add(new Answer(w.replier(), new QueueProtocol.Ok(w.id()))));
    }
  }

  /** The last writer went: waiting readers learn that nothing more will come. */
  private void endIfNoWriter(List<Answer> out) {
    if (atEnd()) {
      getters.takeAll().forEach(w -> out.add(new Answer(w.replier(),
          new QueueProtocol.Eof(w.id()))));
      answerPollers(out);
    }
  }

  private void onTaskDone(QueueProtocol.TaskDone t, Replier to, Object owner, List<Answer> out) {
    if (unfinished <= 0) {
      out.add(new Answer(to, new QueueProtocol.Failed(t.id(), "task_done() called too many times:"
          + " more than items were put; call it once per item taken with get()")));
      return;
    }
    unfinished--;
    lent.done(owner);
    out.add(new Answer(to, new QueueProtocol.Ok(t.id())));
    if (unfinished == 0) {
      joiners.takeAll().forEach(w -> out.add(new Answer(w.replier(),
          new QueueProtocol.Ok(w.id()))));
    }
  }

  /** Nobody can receive any more: what waits to be received or sent is dropped, puts fail. */
  private void breakIfNoReader(List<Answer> out) {
    if (!broken()) {
      return;
    }
    items.clear();
    heldBytes = 0;
    putters.takeAll().forEach(w -> out.add(new Answer(w.replier(),
        new QueueProtocol.Failed(w.id(), BROKEN))));
  }

  private void onTimedOut(long id, List<Answer> out) {
    Waiting w = pollers.contains(id) ? pollers.remove(id) : getters.remove(id);
    if (w != null) {
      out.add(new Answer(w.replier(), new QueueProtocol.Empty(id)));
    }
    w = putters.remove(id);
    if (w != null) {
      out.add(new Answer(w.replier(), new QueueProtocol.Full(id)));
    }
  }

  private int dropOwner(Object owner, List<Answer> out) {
    if (copies != null && copies.drop(false, owner)) {
      endIfNoWriter(out);
    }
    if (copies != null && copies.drop(true, owner)) {
      breakIfNoReader(out);
    }
    for (Waiters<Waiting> waiting : List.of(pollers, getters, putters, joiners)) {
      waiting.dropOwner(owner);
    }
    List<byte[]> back = lent.dropOwner(owner);
    if (broken()) {
      return 0; // nobody can receive them
    }
    for (int i = back.size() - 1; i >= 0; i--) { // back to the head, in their order
      items.addFirst(back.get(i));
      heldBytes += back.get(i).length;
    }
    if (!back.isEmpty()) {
      serveGetters(out);
    }
    return back.size();
  }

  /** A request's deadline for its waiter: none unless it has a positive timeout. */
  private static long deadline(long timeoutMs) {
    return timeoutMs > 0 ? timeoutMs : -1;
  }
}
