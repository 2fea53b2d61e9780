package io.multiproc.internal.queue;

import io.multiproc.internal.wire.Wire;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * INTERNAL API. The mailbox behind a Queue, JoinableQueue or SimpleQueue: it holds the items
 * (already serialised: it never decodes them), serves waiting getters and putters first come,
 * first served, and keeps track of every item it handed out until the getter confirms it.
 *
 * <p>Nothing is lost: a put is answered only once its item is stored (or handed over); an item
 * handed to a getter whose JVM dies before confirming it goes back to the head of the queue for
 * the next getter; a getter or putter of a dead JVM stops waiting.
 */
public final class QueueActor extends AbstractBehavior<QueueActor.Command> {

  /** The queue's protocol. */
  public sealed interface Command extends Wire
      permits Put, PutPart, Get, Taken, Size, TaskDone, Join, TimedOut, JvmDown, Attach, Claim,
          Detach, Poll {}

  /** Items bigger than this travel in parts of this size: Artery's frames are 256 KiB. */
  public static final int PART = 128 * 1024;

  /**
   * Stores {@code item}; waits for room when {@code block} (at most {@code timeoutMs}, or for ever
   * when negative); answers {@link Ok} or {@link Full}.
   */
  public record Put(long id, byte[] item, boolean block, long timeoutMs, ActorRef<Reply> replyTo,
      ActorRef<?> jvm) implements Command {}

  /**
   * A leading part of a big item; the {@link Put} of the same id carries the last part and
   * completes it ({@code item} is then only that part, and {@code parts} more than one).
   */
  public record PutPart(long id, byte[] bytes, ActorRef<?> jvm) implements Command {}

  /** Asks for the head item; waits when {@code block}; answers {@link Item} or {@link Empty}. */
  public record Get(long id, boolean block, long timeoutMs, ActorRef<Reply> replyTo,
      ActorRef<?> jvm) implements Command {}

  /** The getter of {@code id} has the item: it is no longer the queue's to give back. */
  public record Taken(long id) implements Command {}

  /** Asks for the size; answers {@link Sizes}. */
  public record Size(long id, ActorRef<Reply> replyTo) implements Command {}

  /** JoinableQueue's task_done; answers {@link Ok} or {@link Failed} when called too often. */
  public record TaskDone(long id, ActorRef<Reply> replyTo) implements Command {}

  /** JoinableQueue's join: answers {@link Ok} once every item put was marked done. */
  public record Join(long id, ActorRef<Reply> replyTo, ActorRef<?> jvm) implements Command {}

  /**
   * A pipe end: one more open copy of the connection that writes into this mailbox (a copy about
   * to travel to another process); answers {@link Ok}.
   */
  public record Attach(long id, long copy, ActorRef<Reply> replyTo) implements Command {}

  /** A pipe end: the process of {@code jvm} holds copy {@code copy} now; its death closes it. */
  public record Claim(long copy, ActorRef<?> jvm) implements Command {}

  /** A pipe end: copy {@code copy} of the writing connection was closed. */
  public record Detach(long copy) implements Command {}

  /**
   * A pipe end: answers {@link Ok} as soon as something can be received (an item, or the end of
   * the stream), {@link Empty} when {@code timeoutMs} passes first (negative: wait for ever).
   */
  public record Poll(long id, long timeoutMs, ActorRef<Reply> replyTo, ActorRef<?> jvm)
      implements Command {}

  /** A waiting put or get ran out of time (sent by the actor to itself). */
  record TimedOut(long id) implements Command {}

  /** A JVM that used the queue died. */
  record JvmDown(ActorRef<?> jvm) implements Command {}

  /** Answers, each for the request with the same id. */
  public sealed interface Reply extends Wire
      permits Ok, Item, ItemPart, Full, Empty, Failed, Sizes, Eof {
    /** The id of the request answered. */
    long id();
  }

  /** Done. */
  public record Ok(long id) implements Reply {}

  /** The item for get {@code id}; confirm it with {@link Taken}. */
  public record Item(long id, byte[] item) implements Reply {}

  /** One part of a big item for get {@code id}; {@code total} is the item's size in bytes. */
  public record ItemPart(long id, int total, byte[] bytes) implements Reply {}

  /** A pipe end: every copy of the writing connection is closed and nothing is left to read. */
  public record Eof(long id) implements Reply {}

  /** The queue stayed full. */
  public record Full(long id) implements Reply {}

  /** The queue stayed empty. */
  public record Empty(long id) implements Reply {}

  /** Refused, with the reason. */
  public record Failed(long id, String message) implements Reply {}

  /** The number of items, whether the queue is full, and how many getters wait. */
  public record Sizes(long id, int size, boolean full, int waitingGetters) implements Reply {}

  private record Waiting(Command request, ActorRef<?> jvm) {}

  private record HandedOut(byte[] item, ActorRef<?> jvm) {}

  private final int maxsize;
  private final TimerScheduler<Command> timers;
  private final ArrayDeque<byte[]> items = new ArrayDeque<>();
  private final LinkedHashMap<Long, Waiting> getters = new LinkedHashMap<>();
  private final LinkedHashMap<Long, Waiting> putters = new LinkedHashMap<>();
  private final Map<Long, HandedOut> handedOut = new LinkedHashMap<>(); // in hand-out order
  private final Map<Long, Join> joiners = new LinkedHashMap<>();
  private final Set<ActorRef<?>> watched = new HashSet<>();
  private final Map<Long, java.io.ByteArrayOutputStream> parts = new java.util.HashMap<>();
  /** For a pipe end: the open copies of the connection that writes here, with their JVM. */
  private final Map<Long, ActorRef<?>> writers;
  private final LinkedHashMap<Long, Poll> pollers = new LinkedHashMap<>();
  private long unfinished;

  /** A queue holding at most {@code maxsize} items (0 or less: unbounded). */
  public static Behavior<Command> create(int maxsize) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(t -> new QueueActor(ctx, t, maxsize, null)));
  }

  /**
   * The mailbox of a pipe end, written into by the connection whose first copy is
   * {@code firstWriter}: a get finds the end of the stream once every copy of it is closed.
   */
  public static Behavior<Command> pipeEnd(long firstWriter) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(t -> new QueueActor(ctx, t, 0,
        firstWriter)));
  }

  private QueueActor(ActorContext<Command> ctx, TimerScheduler<Command> timers, int maxsize,
      Long firstWriter) {
    super(ctx);
    this.timers = timers;
    this.maxsize = maxsize;
    this.writers = firstWriter == null ? null : new HashMap<>();
    if (firstWriter != null) {
      writers.put(firstWriter, null);
    }
  }

  private boolean atEnd() {
    return writers != null && writers.isEmpty() && items.isEmpty();
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(PutPart.class, p -> {
          watch(p.jvm());
          parts.computeIfAbsent(p.id(), k -> new java.io.ByteArrayOutputStream())
              .write(p.bytes(), 0, p.bytes().length);
          return this;
        })
        .onMessage(Put.class, this::onPut)
        .onMessage(Get.class, this::onGet)
        .onMessage(Taken.class, t -> {
          handedOut.remove(t.id());
          return this;
        })
        .onMessage(Size.class, s -> {
          s.replyTo().tell(new Sizes(s.id(), items.size(), isFull(), getters.size()));
          return this;
        })
        .onMessage(TaskDone.class, this::onTaskDone)
        .onMessage(Join.class, this::onJoin)
        .onMessage(TimedOut.class, this::onTimedOut)
        .onMessage(Attach.class, a -> {
          writers.put(a.copy(), null);
          a.replyTo().tell(new Ok(a.id()));
          return this;
        })
        .onMessage(Claim.class, c -> {
          if (writers.containsKey(c.copy())) {
            watch(c.jvm());
            writers.put(c.copy(), c.jvm());
          }
          return this;
        })
        .onMessage(Detach.class, d -> {
          writers.remove(d.copy());
          endIfNoWriter();
          return this;
        })
        .onMessage(Poll.class, this::onPoll)
        .onMessage(JvmDown.class, this::onJvmDown)
        .build();
  }

  private boolean isFull() {
    return maxsize > 0 && items.size() >= maxsize;
  }

  private Behavior<Command> onPut(Put given) {
    watch(given.jvm());
    Put p = given;
    java.io.ByteArrayOutputStream leading = parts.remove(given.id());
    if (leading != null) { // the last part of a big item: the item is whole now
      leading.write(given.item(), 0, given.item().length);
      p = new Put(given.id(), leading.toByteArray(), given.block(), given.timeoutMs(),
          given.replyTo(), given.jvm());
    }
    if (!isFull() && putters.isEmpty()) {
      store(p);
    } else if (!p.block() || p.timeoutMs() == 0) {
      p.replyTo().tell(new Full(p.id()));
    } else {
      putters.put(p.id(), new Waiting(p, p.jvm()));
      if (p.timeoutMs() > 0) {
        timers.startSingleTimer(p.id(), new TimedOut(p.id()), Duration.ofMillis(p.timeoutMs()));
      }
    }
    return this;
  }

  private void store(Put p) {
    items.addLast(p.item());
    unfinished++;
    p.replyTo().tell(new Ok(p.id()));
    serveGetters();
    answerPollers();
  }

  private Behavior<Command> onPoll(Poll p) {
    watch(p.jvm());
    if (!items.isEmpty() || atEnd()) {
      p.replyTo().tell(new Ok(p.id()));
    } else if (p.timeoutMs() == 0) {
      p.replyTo().tell(new Empty(p.id()));
    } else {
      pollers.put(p.id(), p);
      if (p.timeoutMs() > 0) {
        timers.startSingleTimer(p.id(), new TimedOut(p.id()), Duration.ofMillis(p.timeoutMs()));
      }
    }
    return this;
  }

  private void answerPollers() {
    if ((!items.isEmpty() || atEnd()) && !pollers.isEmpty()) {
      pollers.forEach((id, p) -> {
        timers.cancel(id);
        p.replyTo().tell(new Ok(id));
      });
      pollers.clear();
    }
  }

  /** The last writer went: waiting readers learn that nothing more will come. */
  private void endIfNoWriter() {
    if (atEnd()) {
      getters.forEach((id, w) -> {
        timers.cancel(id);
        ((Get) w.request()).replyTo().tell(new Eof(id));
      });
      getters.clear();
      answerPollers();
    }
  }

  private Behavior<Command> onGet(Get g) {
    watch(g.jvm());
    if (atEnd()) {
      g.replyTo().tell(new Eof(g.id()));
    } else if (!items.isEmpty() && getters.isEmpty()) {
      handOut(g, items.pollFirst());
      admitPutters();
    } else if (!g.block() || g.timeoutMs() == 0) {
      g.replyTo().tell(new Empty(g.id()));
    } else {
      getters.put(g.id(), new Waiting(g, g.jvm()));
      if (g.timeoutMs() > 0) {
        timers.startSingleTimer(g.id(), new TimedOut(g.id()), Duration.ofMillis(g.timeoutMs()));
      }
    }
    return this;
  }

  private void handOut(Get g, byte[] item) {
    handedOut.put(g.id(), new HandedOut(item, g.jvm()));
    if (item.length <= PART) {
      g.replyTo().tell(new Item(g.id(), item));
      return;
    }
    for (int at = 0; at < item.length; at += PART) {
      g.replyTo().tell(new ItemPart(g.id(), item.length,
          java.util.Arrays.copyOfRange(item, at, Math.min(item.length, at + PART))));
    }
  }

  /** Waiting getters take items first come, first served. */
  private void serveGetters() {
    Iterator<Map.Entry<Long, Waiting>> it = getters.entrySet().iterator();
    while (!items.isEmpty() && it.hasNext()) {
      Map.Entry<Long, Waiting> e = it.next();
      it.remove();
      timers.cancel(e.getKey());
      handOut((Get) e.getValue().request(), items.pollFirst());
    }
  }

  /** Room was made: waiting putters store their items, first come, first served. */
  private void admitPutters() {
    Iterator<Map.Entry<Long, Waiting>> it = putters.entrySet().iterator();
    while (!isFull() && it.hasNext()) {
      Map.Entry<Long, Waiting> e = it.next();
      it.remove();
      timers.cancel(e.getKey());
      Put p = (Put) e.getValue().request();
      items.addLast(p.item());
      unfinished++;
      p.replyTo().tell(new Ok(p.id()));
    }
    serveGetters();
  }

  private Behavior<Command> onTaskDone(TaskDone t) {
    if (unfinished <= 0) {
      t.replyTo().tell(new Failed(t.id(), "task_done() called too many times: more than items"
          + " were put; call it once per item taken with get()"));
      return this;
    }
    unfinished--;
    t.replyTo().tell(new Ok(t.id()));
    if (unfinished == 0) {
      joiners.values().forEach(j -> j.replyTo().tell(new Ok(j.id())));
      joiners.clear();
    }
    return this;
  }

  private Behavior<Command> onJoin(Join j) {
    watch(j.jvm());
    if (unfinished == 0) {
      j.replyTo().tell(new Ok(j.id()));
    } else {
      joiners.put(j.id(), j);
    }
    return this;
  }

  private Behavior<Command> onTimedOut(TimedOut t) {
    Poll poll = pollers.remove(t.id());
    if (poll != null) {
      poll.replyTo().tell(new Empty(t.id()));
    }
    Waiting g = getters.remove(t.id());
    if (g != null) {
      ((Get) g.request()).replyTo().tell(new Empty(t.id()));
    }
    Waiting p = putters.remove(t.id());
    if (p != null) {
      ((Put) p.request()).replyTo().tell(new Full(t.id()));
    }
    return this;
  }

  /**
   * A JVM died: its waiting gets, puts and joins end with it, and the items handed to it but not
   * confirmed go back to the head of the queue, in their order, for the next getters.
   */
  private Behavior<Command> onJvmDown(JvmDown down) {
    watched.remove(down.jvm());
    if (writers != null && writers.values().removeIf(down.jvm()::equals)) {
      endIfNoWriter();
    }
    pollers.values().removeIf(p -> down.jvm().equals(p.jvm()));
    getters.values().removeIf(w -> w.jvm().equals(down.jvm()));
    putters.values().removeIf(w -> w.jvm().equals(down.jvm()));
    joiners.values().removeIf(j -> j.jvm().equals(down.jvm()));
    List<Long> lost = new ArrayList<>();
    handedOut.forEach((id, h) -> {
      if (h.jvm().equals(down.jvm())) {
        lost.add(id);
      }
    });
    for (int i = lost.size() - 1; i >= 0; i--) {
      items.addFirst(handedOut.remove(lost.get(i)).item());
    }
    if (!lost.isEmpty()) {
      getContext().getLog().warn("{} item(s) handed to a process that died before taking them"
          + " went back to the head of the queue", lost.size());
      serveGetters();
    }
    return this;
  }

  private void watch(ActorRef<?> jvm) {
    if (jvm != null && watched.add(jvm)) {
      getContext().watchWith(jvm, new JvmDown(jvm));
    }
  }
}
