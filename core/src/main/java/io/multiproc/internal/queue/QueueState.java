package io.multiproc.internal.queue;

import io.multiproc.internal.transport.Peer;
import io.multiproc.internal.transport.Receivers;
import io.multiproc.internal.queue.QueueActor.Command;
import io.multiproc.internal.queue.QueueActor.Reply;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * INTERNAL API. What a queue or pipe end holds and how it answers, in the JVM that created it:
 * the items (serialised; it never decodes them), the waiting getters and putters served first
 * come, first served, and every item handed to another JVM until that JVM confirms it.
 *
 * <p>Requests come from three places, each with its own way to answer and its own owner (what
 * dies with the requester): threads of this JVM call {@link #handle} directly (the owner is
 * {@link #LOCAL}, which never dies apart from the state), the {@link QueueActor} passes on what
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

  private record Waiting(Command request, Replier replier, Object owner) {}

  private record HandedOut(byte[] item, Object owner) {}

  private record Answer(Replier to, Reply reply) {}

  /** Why a put to a pipe end that nobody can read fails. */
  static final String BROKEN = "broken pipe: every copy of the receiving end of this pipe is"
      + " closed, or ended with its process; nothing sent now can be received";

  private final int maxsize;
  /** A pipe end's bytes held before a put waits for room; 0 for a queue (it counts items). */
  private final long maxBytes;
  private final boolean joinable;
  private final ArrayDeque<byte[]> items = new ArrayDeque<>();
  private long heldBytes;
  private final LinkedHashMap<Long, Waiting> getters = new LinkedHashMap<>();
  private final LinkedHashMap<Long, Waiting> putters = new LinkedHashMap<>();
  private final LinkedHashMap<Long, Waiting> pollers = new LinkedHashMap<>();
  private final Map<Long, Waiting> joiners = new LinkedHashMap<>();
  private final Map<Long, HandedOut> handedOut = new LinkedHashMap<>(); // in hand-out order
  private final Map<Long, ScheduledFuture<?>> timeouts = new HashMap<>();
  /**
   * For a joinable queue: by owner, the items it took (and confirmed) but did not mark done yet,
   * oldest first; given back to the queue if the owner dies before its task_done.
   */
  private final Map<Object, ArrayDeque<byte[]>> undone = new LinkedHashMap<>();
  /** For a pipe end: the open copies of the connection that writes here, with their owner. */
  private final Map<Long, Object> writers;
  /** For a pipe end: the open copies of the connection that reads here, with their owner. */
  private final Map<Long, Object> readers;
  private long unfinished;

  private QueueState(int maxsize, boolean joinable, Long firstWriter, Long firstReader,
      long maxBytes) {
    this.maxsize = maxsize;
    this.joinable = joinable;
    this.maxBytes = maxBytes;
    this.writers = firstWriter == null ? null : new HashMap<>();
    this.readers = firstReader == null ? null : new HashMap<>();
    if (firstWriter != null) {
      writers.put(firstWriter, null);
      readers.put(firstReader, null);
    }
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
    if (writers == null || writers.isEmpty()) {
      return null;
    }
    Object first = null;
    for (Object owner : writers.values()) {
      if (!(owner instanceof Peer) || (first != null && first != owner)) {
        return null;
      }
      first = owner;
    }
    return (Peer) first;
  }

  /** Makes this state reachable by {@code path} from this JVM's threads and lanes. */
  QueueState publish(String path) {
    HERE.put(path, this);
    Receivers.register(path, new QueueReceiver(this));
    return this;
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
    if (c instanceof QueueActor.Put p) {
      onPut(p, to, owner, out);
    } else if (c instanceof QueueActor.PutBatch b) {
      for (byte[] item : b.items()) {
        store(item, out);
      }
      out.add(new Answer(to, new QueueActor.Ok(b.id())));
    } else if (c instanceof QueueActor.Get g) {
      onGet(g, to, owner, out);
    } else if (c instanceof QueueActor.Taken t) {
      onTaken(t);
      out.add(new Answer(to, new QueueActor.Ok(t.id())));
    } else if (c instanceof QueueActor.Size s) {
      out.add(new Answer(to, new QueueActor.Sizes(s.id(), items.size(), isFull(),
          getters.size())));
    } else if (c instanceof QueueActor.TaskDone t) {
      onTaskDone(t, to, owner, out);
    } else if (c instanceof QueueActor.Join j) {
      if (unfinished == 0) {
        out.add(new Answer(to, new QueueActor.Ok(j.id())));
      } else {
        joiners.put(j.id(), new Waiting(j, to, owner));
      }
    } else if (c instanceof QueueActor.Attach a) {
      copies(a.reads()).put(a.copy(), null);
      out.add(new Answer(to, new QueueActor.Ok(a.id())));
    } else if (c instanceof QueueActor.Claim cl) {
      Map<Long, Object> copies = copies(cl.reads());
      if (copies.containsKey(cl.copy())) { // an unclaimed copy's owner is null
        copies.put(cl.copy(), owner);
      }
    } else if (c instanceof QueueActor.Detach d) {
      copies(d.reads()).remove(d.copy());
      endIfNoWriter(out);
      breakIfNoReader(out);
    } else if (c instanceof QueueActor.Poll p) {
      onPoll(p, to, owner, out);
    } else if (c instanceof QueueActor.TimedOut t) {
      onTimedOut(t.id(), out);
    } else {
      throw new IllegalArgumentException("not a request a queue state takes: " + c);
    }
  }

  private Map<Long, Object> copies(boolean reads) {
    return reads ? readers : writers;
  }

  private boolean isFull() {
    return maxsize > 0 ? items.size() >= maxsize : maxBytes > 0 && heldBytes >= maxBytes;
  }

  /** Whether nobody can receive from this pipe end any more. */
  private boolean broken() {
    return readers != null && readers.isEmpty();
  }

  private boolean atEnd() {
    return writers != null && writers.isEmpty() && items.isEmpty();
  }

  private void onPut(QueueActor.Put p, Replier to, Object owner, List<Answer> out) {
    if (broken()) {
      out.add(new Answer(to, new QueueActor.Failed(p.id(), BROKEN)));
    } else if (!isFull() && putters.isEmpty()) {
      store(p.item(), out);
      out.add(new Answer(to, new QueueActor.Ok(p.id())));
    } else if (!p.block() || p.timeoutMs() == 0) {
      out.add(new Answer(to, new QueueActor.Full(p.id())));
    } else {
      putters.put(p.id(), new Waiting(p, to, owner));
      timeout(p.id(), p.timeoutMs());
    }
  }

  private void store(byte[] item, List<Answer> out) {
    if (broken()) {
      return; // a pipelined send nobody can receive: dropped, its sender learns it later
    }
    items.addLast(item);
    heldBytes += item.length;
    unfinished++;
    serveGetters(out);
    answerPollers(out);
  }

  private void onGet(QueueActor.Get g, Replier to, Object owner, List<Answer> out) {
    if (atEnd()) {
      out.add(new Answer(to, new QueueActor.Eof(g.id())));
    } else if (!items.isEmpty() && getters.isEmpty()) {
      handOut(g.id(), to, owner, pollItem(), out);
      admitPutters(out);
    } else if (!g.block() || g.timeoutMs() == 0) {
      out.add(new Answer(to, new QueueActor.Empty(g.id())));
    } else {
      getters.put(g.id(), new Waiting(g, to, owner));
      timeout(g.id(), g.timeoutMs());
    }
  }

  private void handOut(long id, Replier to, Object owner, byte[] item, List<Answer> out) {
    if (owner != LOCAL) { // a thread of this JVM cannot die apart from the queue
      handedOut.put(id, new HandedOut(item, owner));
    }
    out.add(new Answer(to, new QueueActor.Item(id, item)));
  }

  private byte[] pollItem() {
    byte[] item = items.pollFirst();
    heldBytes -= item.length;
    return item;
  }

  /** Gives {@code item} back to the head of the queue (its owner died before it was done). */
  private void giveBack(byte[] item) {
    items.addFirst(item);
    heldBytes += item.length;
  }

  /** The getter has the item; a joinable queue keeps it until the getter's task_done. */
  private void onTaken(QueueActor.Taken t) {
    HandedOut h = handedOut.remove(t.id());
    if (h != null && joinable) {
      undone.computeIfAbsent(h.owner(), k -> new ArrayDeque<>()).addLast(h.item());
    }
  }

  /** Waiting getters take items first come, first served. */
  private void serveGetters(List<Answer> out) {
    Iterator<Map.Entry<Long, Waiting>> it = getters.entrySet().iterator();
    while (!items.isEmpty() && it.hasNext()) {
      Map.Entry<Long, Waiting> e = it.next();
      it.remove();
      cancelTimeout(e.getKey());
      Waiting w = e.getValue();
      handOut(e.getKey(), w.replier(), w.owner(), pollItem(), out);
    }
  }

  /** Room was made: waiting putters store their items, first come, first served. */
  private void admitPutters(List<Answer> out) {
    Iterator<Map.Entry<Long, Waiting>> it = putters.entrySet().iterator();
    while (!isFull() && it.hasNext()) {
      Map.Entry<Long, Waiting> e = it.next();
      it.remove();
      cancelTimeout(e.getKey());
      byte[] item = ((QueueActor.Put) e.getValue().request()).item();
      items.addLast(item);
      heldBytes += item.length;
      unfinished++;
      out.add(new Answer(e.getValue().replier(), new QueueActor.Ok(e.getKey())));
    }
    serveGetters(out);
  }

  private void onPoll(QueueActor.Poll p, Replier to, Object owner, List<Answer> out) {
    if (!items.isEmpty() || atEnd()) {
      out.add(new Answer(to, new QueueActor.Ok(p.id())));
    } else if (p.timeoutMs() == 0) {
      out.add(new Answer(to, new QueueActor.Empty(p.id())));
    } else {
      pollers.put(p.id(), new Waiting(p, to, owner));
      timeout(p.id(), p.timeoutMs());
    }
  }

  private void answerPollers(List<Answer> out) {
    if ((!items.isEmpty() || atEnd()) && !pollers.isEmpty()) {
      pollers.forEach((id, w) -> {
        cancelTimeout(id);
        out.add(new Answer(w.replier(), new QueueActor.Ok(id)));
      });
      pollers.clear();
    }
  }

  /** The last writer went: waiting readers learn that nothing more will come. */
  private void endIfNoWriter(List<Answer> out) {
    if (atEnd()) {
      getters.forEach((id, w) -> {
        cancelTimeout(id);
        out.add(new Answer(w.replier(), new QueueActor.Eof(id)));
      });
      getters.clear();
      answerPollers(out);
    }
  }

  private void onTaskDone(QueueActor.TaskDone t, Replier to, Object owner, List<Answer> out) {
    if (unfinished <= 0) {
      out.add(new Answer(to, new QueueActor.Failed(t.id(), "task_done() called too many times:"
          + " more than items were put; call it once per item taken with get()")));
      return;
    }
    unfinished--;
    markDone(owner);
    out.add(new Answer(to, new QueueActor.Ok(t.id())));
    if (unfinished == 0) {
      joiners.forEach((id, w) -> out.add(new Answer(w.replier(), new QueueActor.Ok(id))));
      joiners.clear();
    }
  }

  /**
   * One item is done: the oldest that {@code owner} took, or if it took none that is pending
   * (another process marks them done), the oldest of some other owner's.
   */
  private void markDone(Object owner) {
    ArrayDeque<byte[]> mine = undone.get(owner);
    if (mine == null) {
      Iterator<ArrayDeque<byte[]>> any = undone.values().iterator();
      mine = any.hasNext() ? any.next() : null;
    }
    if (mine != null) {
      mine.pollFirst();
      undone.values().removeIf(ArrayDeque::isEmpty);
    }
  }

  /** Nobody can receive any more: what waits to be received or sent is dropped, puts fail. */
  private void breakIfNoReader(List<Answer> out) {
    if (!broken()) {
      return;
    }
    items.clear();
    heldBytes = 0;
    putters.forEach((id, w) -> {
      cancelTimeout(id);
      out.add(new Answer(w.replier(), new QueueActor.Failed(id, BROKEN)));
    });
    putters.clear();
  }

  private void onTimedOut(long id, List<Answer> out) {
    timeouts.remove(id);
    Waiting w = pollers.remove(id);
    if (w == null) {
      w = getters.remove(id);
    }
    if (w != null) {
      out.add(new Answer(w.replier(), new QueueActor.Empty(id)));
    }
    w = putters.remove(id);
    if (w != null) {
      out.add(new Answer(w.replier(), new QueueActor.Full(id)));
    }
  }

  private int dropOwner(Object owner, List<Answer> out) {
    if (writers != null && writers.values().removeIf(owner::equals)) {
      endIfNoWriter(out);
    }
    if (readers != null && readers.values().removeIf(owner::equals)) {
      breakIfNoReader(out);
    }
    for (Map<Long, Waiting> waiting : List.of(pollers, getters, putters, joiners)) {
      waiting.entrySet().removeIf(e -> {
        boolean dead = java.util.Objects.equals(e.getValue().owner(), owner);
        if (dead) {
          cancelTimeout(e.getKey());
        }
        return dead;
      });
    }
    // back to the head in the order they were taken: those taken and not done, then those
    // handed out and not confirmed
    List<byte[]> back = new ArrayList<>();
    ArrayDeque<byte[]> notDone = undone.remove(owner);
    if (notDone != null) {
      back.addAll(notDone);
    }
    handedOut.values().removeIf(h -> {
      boolean dead = java.util.Objects.equals(h.owner(), owner);
      if (dead) {
        back.add(h.item());
      }
      return dead;
    });
    if (broken()) {
      return 0; // nobody can receive them
    }
    for (int i = back.size() - 1; i >= 0; i--) {
      giveBack(back.get(i));
    }
    if (!back.isEmpty()) {
      serveGetters(out);
    }
    return back.size();
  }

  private void timeout(long id, long ms) {
    if (ms > 0) {
      timeouts.put(id, TIMERS.schedule(() -> handle(new QueueActor.TimedOut(id), null, null), ms,
          TimeUnit.MILLISECONDS));
    }
  }

  private void cancelTimeout(long id) {
    ScheduledFuture<?> f = timeouts.remove(id);
    if (f != null) {
      f.cancel(false);
    }
  }
}
