package io.multiproc.internal.queue;

import io.multiproc.internal.queue.QueueActor.Command;
import io.multiproc.internal.queue.QueueActor.Reply;
import java.io.ByteArrayOutputStream;
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

  /**
   * What a pipe end's only writer can be: a connection that a waiting reader of this JVM may read
   * itself, so the message it waits for wakes it directly.
   */
  public interface Feeder {
    /**
     * Reads the connection until {@code reply} is complete (or the calling thread is
     * interrupted); returns false when the connection has ended.
     */
    boolean readFor(java.util.concurrent.CompletableFuture<?> reply);
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

  private final int maxsize;
  private final ArrayDeque<byte[]> items = new ArrayDeque<>();
  private final LinkedHashMap<Long, Waiting> getters = new LinkedHashMap<>();
  private final LinkedHashMap<Long, Waiting> putters = new LinkedHashMap<>();
  private final LinkedHashMap<Long, Waiting> pollers = new LinkedHashMap<>();
  private final Map<Long, Waiting> joiners = new LinkedHashMap<>();
  private final Map<Long, HandedOut> handedOut = new LinkedHashMap<>(); // in hand-out order
  private final Map<Long, ScheduledFuture<?>> timeouts = new HashMap<>();
  /** For a pipe end: the open copies of the connection that writes here, with their owner. */
  private final Map<Long, Object> writers;
  private long unfinished;

  private QueueState(int maxsize, Long firstWriter) {
    this.maxsize = maxsize;
    this.writers = firstWriter == null ? null : new HashMap<>();
    if (firstWriter != null) {
      writers.put(firstWriter, null);
    }
  }

  /** A queue holding at most {@code maxsize} items (0 or less: unbounded). */
  public static QueueState queue(int maxsize) {
    return new QueueState(Math.max(0, maxsize), null);
  }

  /**
   * The mailbox of a pipe end, written into by the connection whose first copy is
   * {@code firstWriter}: a get finds the end of the stream once every copy of it is closed.
   */
  public static QueueState pipeEnd(long firstWriter) {
    return new QueueState(0, firstWriter);
  }

  /** Whether this state takes every put at once (an unbounded queue, a pipe end). */
  public boolean unbounded() {
    return maxsize == 0;
  }

  /**
   * The connection every open writer copy of this pipe end belongs to, when there is exactly one
   * such; else null (a queue, a copy in this JVM or not yet claimed, several writers).
   */
  public synchronized Feeder soleFeeder() {
    if (writers == null || writers.isEmpty()) {
      return null;
    }
    Object first = null;
    for (Object owner : writers.values()) {
      if (!(owner instanceof Feeder) || (first != null && first != owner)) {
        return null;
      }
      first = owner;
    }
    return (Feeder) first;
  }

  /** Makes this state reachable by {@code path} from this JVM's threads and lanes. */
  QueueState publish(String path) {
    HERE.put(path, this);
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
      LOG.warn("{} item(s) handed to a process that died before taking them went back to the"
          + " head of the queue", back);
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
      handedOut.remove(t.id());
    } else if (c instanceof QueueActor.Size s) {
      out.add(new Answer(to, new QueueActor.Sizes(s.id(), items.size(), isFull(),
          getters.size())));
    } else if (c instanceof QueueActor.TaskDone t) {
      onTaskDone(t, to, out);
    } else if (c instanceof QueueActor.Join j) {
      if (unfinished == 0) {
        out.add(new Answer(to, new QueueActor.Ok(j.id())));
      } else {
        joiners.put(j.id(), new Waiting(j, to, owner));
      }
    } else if (c instanceof QueueActor.Attach a) {
      writers.put(a.copy(), null);
      out.add(new Answer(to, new QueueActor.Ok(a.id())));
    } else if (c instanceof QueueActor.Claim cl) {
      if (writers.containsKey(cl.copy())) {
        writers.put(cl.copy(), owner);
      }
    } else if (c instanceof QueueActor.Detach d) {
      writers.remove(d.copy());
      endIfNoWriter(out);
    } else if (c instanceof QueueActor.Poll p) {
      onPoll(p, to, owner, out);
    } else if (c instanceof QueueActor.TimedOut t) {
      onTimedOut(t.id(), out);
    } else {
      throw new IllegalArgumentException("not a request a queue state takes: " + c);
    }
  }

  private boolean isFull() {
    return maxsize > 0 && items.size() >= maxsize;
  }

  private boolean atEnd() {
    return writers != null && writers.isEmpty() && items.isEmpty();
  }

  private void onPut(QueueActor.Put p, Replier to, Object owner, List<Answer> out) {
    if (!isFull() && putters.isEmpty()) {
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
    items.addLast(item);
    unfinished++;
    serveGetters(out);
    answerPollers(out);
  }

  private void onGet(QueueActor.Get g, Replier to, Object owner, List<Answer> out) {
    if (atEnd()) {
      out.add(new Answer(to, new QueueActor.Eof(g.id())));
    } else if (!items.isEmpty() && getters.isEmpty()) {
      handOut(g.id(), to, owner, items.pollFirst(), out);
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

  /** Waiting getters take items first come, first served. */
  private void serveGetters(List<Answer> out) {
    Iterator<Map.Entry<Long, Waiting>> it = getters.entrySet().iterator();
    while (!items.isEmpty() && it.hasNext()) {
      Map.Entry<Long, Waiting> e = it.next();
      it.remove();
      cancelTimeout(e.getKey());
      Waiting w = e.getValue();
      handOut(e.getKey(), w.replier(), w.owner(), items.pollFirst(), out);
    }
  }

  /** Room was made: waiting putters store their items, first come, first served. */
  private void admitPutters(List<Answer> out) {
    Iterator<Map.Entry<Long, Waiting>> it = putters.entrySet().iterator();
    while (!isFull() && it.hasNext()) {
      Map.Entry<Long, Waiting> e = it.next();
      it.remove();
      cancelTimeout(e.getKey());
      items.addLast(((QueueActor.Put) e.getValue().request()).item());
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

  private void onTaskDone(QueueActor.TaskDone t, Replier to, List<Answer> out) {
    if (unfinished <= 0) {
      out.add(new Answer(to, new QueueActor.Failed(t.id(), "task_done() called too many times:"
          + " more than items were put; call it once per item taken with get()")));
      return;
    }
    unfinished--;
    out.add(new Answer(to, new QueueActor.Ok(t.id())));
    if (unfinished == 0) {
      joiners.forEach((id, w) -> out.add(new Answer(w.replier(), new QueueActor.Ok(id))));
      joiners.clear();
    }
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
    for (Map<Long, Waiting> waiting : List.of(pollers, getters, putters, joiners)) {
      waiting.entrySet().removeIf(e -> {
        boolean dead = java.util.Objects.equals(e.getValue().owner(), owner);
        if (dead) {
          cancelTimeout(e.getKey());
        }
        return dead;
      });
    }
    List<Long> lost = new ArrayList<>();
    handedOut.forEach((id, h) -> {
      if (java.util.Objects.equals(h.owner(), owner)) {
        lost.add(id);
      }
    });
    for (int i = lost.size() - 1; i >= 0; i--) {
      items.addFirst(handedOut.remove(lost.get(i)).item());
    }
    if (!lost.isEmpty()) {
      serveGetters(out);
    }
    return lost.size();
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

  /** Puts the leading parts of big items together; owned by one transport connection. */
  static final class Parts {
    private final Map<Long, ByteArrayOutputStream> pending = new HashMap<>();

    /** Keeps a leading part of item {@code id}. */
    void add(long id, byte[] bytes) {
      pending.computeIfAbsent(id, k -> new ByteArrayOutputStream()).write(bytes, 0, bytes.length);
    }

    /** The put of {@code id} with its whole item, when leading parts came before it. */
    QueueActor.Put complete(QueueActor.Put last) {
      ByteArrayOutputStream leading = pending.remove(last.id());
      if (leading == null) {
        return last;
      }
      leading.write(last.item(), 0, last.item().length);
      return new QueueActor.Put(last.id(), leading.toByteArray(), last.block(), last.timeoutMs(),
          last.replyTo(), last.jvm());
    }
  }
}
