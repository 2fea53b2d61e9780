package io.multiproc.internal.sync;

import io.multiproc.internal.route.Waiters;
import io.multiproc.internal.wire.Wire;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * INTERNAL API. The actor behind a Lock. It grants the lock to a JVM as a lease: that JVM's
 * {@link LeasedLock} keeps the lock after its threads release it, and takes and releases it again
 * without a message, until this actor recalls it because another JVM asked. JVMs are served first
 * come, first served; a lease is recalled as soon as it is granted when others wait, so a JVM keeps
 * the lock at most one round trip longer than it needs it.
 *
 * <p>The JVM of each lease holder is watched: when it dies the lock is free again, and that is
 * logged with the name and pid of the process that held it. A JVM whose process ends normally
 * while one of its threads holds the lock says so first ({@link Leave}): the lock then stays
 * locked, by nobody this actor can ask, until any process releases it (as under CPython).
 */
public final class LockActor extends AbstractBehavior<LockActor.Command> {

  /** The lock's protocol. */
  public sealed interface Command extends Wire
      permits Acquire, Return, Busy, Release, Revoked, Cancel, Leave, State, TimedOut, JvmDown {}

  /**
   * The JVM {@code jvm} asks for the lock; waits when {@code block} (at most {@code timeoutMs}, or
   * for ever when negative). Answers {@link Reply.Ok} (the lease, whose id is {@code id}) or
   * {@link Reply.No}; {@code who} names the asking process for the log.
   */
  public record Acquire(long id, boolean block, long timeoutMs, ActorRef<Reply> replyTo,
      ActorRef<?> jvm, String who) implements Command {}

  /** Lease {@code id} comes back: its JVM holds the lock no more. */
  public record Return(long id) implements Command {}

  /** Lease {@code id} was recalled while a thread held it: it comes back on release. */
  public record Busy(long id) implements Command {}

  /**
   * A process that has not got the lease releases the lock (CPython lets any process release a
   * Lock); answers {@link Reply.Ok}, or {@link Reply.Failed} when the lock was not locked.
   */
  public record Release(long id, ActorRef<Reply> replyTo) implements Command {}

  /** Lease {@code id} ends by a {@link Reply.Revoke}; {@code wasHeld} says if a thread held it. */
  public record Revoked(long id, boolean wasHeld) implements Command {}

  /**
   * The waiting {@link Acquire} {@code request} stops waiting (its thread was interrupted);
   * answers {@link Reply.Ok} when it was waiting, {@link Reply.No} when it was answered already
   * (that answer came first: a granted lease is then given back by the caller).
   */
  public record Cancel(long id, long request, ActorRef<Reply> replyTo) implements Command {}

  /**
   * The JVM holding lease {@code id} ends normally while a thread of it holds the lock: the lock
   * stays locked until a process releases it, and nothing is asked of that JVM any more.
   */
  public record Leave(long id) implements Command {}

  /** Answers {@link Reply.Answer} with a {@link Snapshot}. */
  public record State(long id, ActorRef<Reply> replyTo) implements Command {}

  /**
   * What the lock looks like now; {@code peers}: how many JVMs are watched (a dead one no more,
   * once its death is handled).
   */
  public record Snapshot(boolean leased, int waiting, String lastDeathRelease, int peers)
      implements java.io.Serializable {}

  record TimedOut(long id) implements Command {}

  record JvmDown(ActorRef<?> jvm) implements Command {}

  private final String name;
  private final Waiters<Acquire> waiters;
  private final List<Release> releasers = new ArrayList<>();
  private final JvmWatch<Command> jvms;
  private Acquire holder;
  private boolean recalled;
  private boolean busy;
  /** The holder's JVM ended normally holding the lock: it is asked nothing, and not watched. */
  private boolean left;
  private String lastDeathRelease;

  /** The actor of a lock called {@code name} in its log. */
  public static Behavior<Command> create(String name) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(t -> new LockActor(ctx, t, name)));
  }

  private LockActor(ActorContext<Command> ctx, TimerScheduler<Command> timers, String name) {
    super(ctx);
    this.jvms = new JvmWatch<>(ctx, JvmDown::new);
    this.waiters = new Waiters<>(Waiters.Timer.of(timers, TimedOut::new), Acquire::jvm);
    this.name = name;
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Acquire.class, this::onAcquire)
        .onMessage(Return.class, r -> {
          if (isHolder(r.id())) {
            free(false);
          }
          return this;
        })
        .onMessage(Busy.class, b -> {
          if (isHolder(b.id())) {
            busy = true;
            refuseTries();
          }
          return this;
        })
        .onMessage(Release.class, this::onRelease)
        .onMessage(Revoked.class, r -> {
          if (isHolder(r.id())) {
            free(r.wasHeld());
          }
          return this;
        })
        .onMessage(Cancel.class, c -> {
          c.replyTo().tell(waiters.remove(c.request()) != null ? new Reply.Ok(c.id())
              : new Reply.No(c.id()));
          return this;
        })
        .onMessage(Leave.class, l -> {
          if (isHolder(l.id())) {
            left = true;
            busy = true; // tries fail at once: no thread of a live JVM holds it to ask
            refuseTries();
          }
          return this;
        })
        .onMessage(State.class, s -> {
          s.replyTo().tell(new Reply.Answer(s.id(),
              new Snapshot(holder != null, waiters.size(), lastDeathRelease, jvms.size())));
          return this;
        })
        .onMessage(TimedOut.class, t -> {
          Acquire a = waiters.remove(t.id());
          if (a != null) {
            a.replyTo().tell(new Reply.No(a.id()));
          }
          return this;
        })
        .onMessage(JvmDown.class, this::onJvmDown)
        .build();
  }

  private boolean isHolder(long lease) {
    return holder != null && holder.id() == lease;
  }

  private Behavior<Command> onAcquire(Acquire a) {
    jvms.watch(a.jvm());
    if (holder == null && waiters.isEmpty()) {
      grant(a);
    } else if (a.timeoutMs() == 0 && (busy || !waiters.isEmpty())) {
      a.replyTo().tell(new Reply.No(a.id()));
    } else {
      // a try (timeout 0) waits only until the holder says whether a thread holds the lock
      waiters.add(a.id(), a, a.timeoutMs() > 0 ? a.timeoutMs() : -1);
      recall();
    }
    return this;
  }

  private void grant(Acquire a) {
    holder = a;
    recalled = false;
    busy = false;
    left = false;
    a.replyTo().tell(new Reply.Ok(a.id()));
    if (!waiters.isEmpty()) {
      recall(); // others wait: the new holder gives it back after one use
    }
  }

  private void recall() {
    if (holder != null && !recalled && !left) {
      recalled = true;
      holder.replyTo().tell(new Reply.Recall(holder.id()));
    }
  }

  /** The holder says a thread holds the lock: tries that waited for that answer fail now. */
  private void refuseTries() {
    waiters.removeIf(w -> w.timeoutMs() == 0)
        .forEach(w -> w.replyTo().tell(new Reply.No(w.id())));
  }

  private Behavior<Command> onRelease(Release r) {
    if (holder == null) {
      r.replyTo().tell(new Reply.Failed(r.id(), "release unlocked lock"));
    } else if (left) { // nobody to ask: the lock is released here
      releasers.add(r);
      free(true);
    } else {
      releasers.add(r);
      if (releasers.size() == 1) {
        holder.replyTo().tell(new Reply.Revoke(holder.id()));
      }
    }
    return this;
  }

  /**
   * The lease ended; {@code wasHeld} says whether a thread held the lock then (a Return comes only
   * from a JVM where none did). The first waiting releaser released it if so; the others found it
   * unlocked. The next waiter gets the lock.
   */
  private void free(boolean wasHeld) {
    holder = null;
    left = false;
    boolean released = wasHeld;
    for (Release r : releasers) {
      r.replyTo().tell(released ? new Reply.Ok(r.id())
          : new Reply.Failed(r.id(), "release unlocked lock"));
      released = false;
    }
    releasers.clear();
    Acquire next = waiters.takeFirst();
    if (next != null) {
      grant(next);
    }
  }

  private Behavior<Command> onJvmDown(JvmDown down) {
    jvms.gone(down.jvm());
    waiters.dropOwner(down.jvm());
    if (holder != null && !left && down.jvm().equals(holder.jvm())) {
      lastDeathRelease = "Lock " + name + ": its holder " + holder.who()
          + " died; the lock was released";
      getContext().getLog().warn(lastDeathRelease);
      free(true);
    }
    return this;
  }
}
