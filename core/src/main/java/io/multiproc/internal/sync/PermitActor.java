package io.multiproc.internal.sync;

import io.multiproc.internal.route.Waiters;
import io.multiproc.internal.wire.Wire;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * INTERNAL API. The actor behind a Semaphore, BoundedSemaphore or RLock: a counter of permits,
 * granted to waiters first come, first served. An RLock is one permit with an owner (its
 * reentrancy is counted by the owner's own JVM, which asks here only for the outermost acquire and
 * release). The permits each JVM took and did not give back are counted: when that JVM dies they
 * are released, and that is logged with the name and pid of its process. A JVM whose process ends
 * normally says so first ({@link Leave}): what it holds then stays taken, as under CPython, where a
 * semaphore is a counter that another process may release later.
 */
public final class PermitActor extends AbstractBehavior<PermitActor.Command> {

  /** The protocol. */
  public sealed interface Command extends Wire
      permits Acquire, Release, Cancel, Leave, State, TimedOut, JvmDown {}

  /**
   * Takes a permit for thread {@code owner} of the JVM {@code jvm}; waits when {@code block} (at
   * most {@code timeoutMs}, for ever when negative). Answers {@link Reply.Ok} or {@link Reply.No}.
   */
  public record Acquire(long id, boolean block, long timeoutMs, ActorRef<Reply> replyTo,
      ActorRef<?> jvm, String owner, String who) implements Command {}

  /** Gives a permit back; answers {@link Reply.Ok} or {@link Reply.Failed}. */
  public record Release(long id, ActorRef<Reply> replyTo, ActorRef<?> jvm, String owner)
      implements Command {}

  /**
   * The waiting {@link Acquire} {@code request} stops waiting (its thread was interrupted);
   * answers {@link Reply.Ok} when it was waiting, {@link Reply.No} when it was answered already
   * (that answer came first: a grant is then given back by the caller).
   */
  public record Cancel(long id, long request, ActorRef<Reply> replyTo) implements Command {}

  /**
   * The JVM {@code jvm} ends normally: the permits it holds stay taken (any process may release
   * them; an RLock stays with its owner), and its waiters are dropped. Sent before its lanes and
   * Artery close, so it comes before the JVM's death notice on the same channel.
   */
  public record Leave(ActorRef<?> jvm) implements Command {}

  /** Answers {@link Reply.Answer} with a {@link Snapshot}. */
  public record State(long id, ActorRef<Reply> replyTo) implements Command {}

  /**
   * The permits free now, the waiters, the last release made for a dead process, and how many
   * JVMs are watched (a dead one no more, once its death is handled).
   */
  public record Snapshot(int value, int waiting, String lastDeathRelease, int peers)
      implements java.io.Serializable {}

  record TimedOut(long id) implements Command {}

  record JvmDown(ActorRef<?> jvm) implements Command {}

  private final String name;
  private final int max;
  private final boolean owned;
  private final Waiters<Acquire> waiters;
  private final LinkedHashMap<ActorRef<?>, Integer> held = new LinkedHashMap<>();
  private final Map<ActorRef<?>, String> who = new HashMap<>();
  private final JvmWatch<Command> jvms;
  private int value;
  private String owner;
  private String lastDeathRelease;

  /**
   * {@code value} permits; {@code max} at most (negative: no bound); {@code owned} for an RLock,
   * whose permit only its owner releases. {@code name} names it in the log.
   */
  public static Behavior<Command> create(String name, int value, int max, boolean owned) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(t ->
        new PermitActor(ctx, t, name, value, max, owned)));
  }

  private PermitActor(ActorContext<Command> ctx, TimerScheduler<Command> timers, String name,
      int value, int max, boolean owned) {
    super(ctx);
    this.jvms = new JvmWatch<>(ctx, JvmDown::new);
    this.waiters = new Waiters<>(Waiters.Timer.of(timers, TimedOut::new), Acquire::jvm);
    this.name = name;
    this.value = value;
    this.max = max;
    this.owned = owned;
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Acquire.class, this::onAcquire)
        .onMessage(Release.class, this::onRelease)
        .onMessage(Cancel.class, c -> {
          c.replyTo().tell(waiters.remove(c.request()) != null ? new Reply.Ok(c.id())
              : new Reply.No(c.id()));
          return this;
        })
        .onMessage(Leave.class, this::onLeave)
        .onMessage(State.class, s -> {
          s.replyTo().tell(new Reply.Answer(s.id(),
              new Snapshot(value, waiters.size(), lastDeathRelease, jvms.size())));
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

  private Behavior<Command> onAcquire(Acquire a) {
    jvms.watch(a.jvm());
    if (value > 0 && waiters.isEmpty()) {
      grant(a);
    } else if (a.timeoutMs() == 0) {
      a.replyTo().tell(new Reply.No(a.id()));
    } else {
      waiters.add(a.id(), a, a.timeoutMs());
    }
    return this;
  }

  private void grant(Acquire a) {
    value--;
    held.merge(a.jvm(), 1, Integer::sum);
    who.put(a.jvm(), a.who());
    owner = a.owner();
    a.replyTo().tell(new Reply.Ok(a.id()));
  }

  private Behavior<Command> onRelease(Release r) {
    if (owned && !Objects.equals(owner, r.owner())) {
      r.replyTo().tell(new Reply.Failed(r.id(), "cannot release un-acquired lock"));
      return this;
    }
    if (max >= 0 && value >= max) {
      r.replyTo().tell(new Reply.Failed(r.id(), "semaphore or lock released too many times"));
      return this;
    }
    value++;
    owner = null;
    // any process may release a semaphore: the permit counts as the releaser's, else the oldest
    ActorRef<?> from = held.getOrDefault(r.jvm(), 0) > 0 ? r.jvm()
        : held.keySet().stream().findFirst().orElse(null);
    if (from != null && held.merge(from, -1, Integer::sum) <= 0) {
      held.remove(from);
    }
    r.replyTo().tell(new Reply.Ok(r.id()));
    serve();
    return this;
  }

  /** Free permits go to the waiters, first come, first served. */
  private void serve() {
    while (value > 0 && !waiters.isEmpty()) {
      grant(waiters.takeFirst());
    }
  }

  /** What {@code jvm} holds stays taken, by nobody now; no grant goes to it any more. */
  private Behavior<Command> onLeave(Leave leave) {
    if (leave.jvm() == null) {
      return this;
    }
    waiters.dropOwner(leave.jvm());
    Integer n = held.remove(leave.jvm());
    if (n != null && n > 0) {
      getContext().getLog().debug("{}: its holder {} ended normally holding {}; kept", name,
          who.get(leave.jvm()), n);
    }
    who.remove(leave.jvm());
    return this;
  }

  private Behavior<Command> onJvmDown(JvmDown down) {
    jvms.gone(down.jvm());
    waiters.dropOwner(down.jvm());
    Integer n = held.remove(down.jvm());
    if (n != null && n > 0) {
      value = max >= 0 ? Math.min(max, value + n) : value + n;
      owner = null;
      lastDeathRelease = name + ": its holder " + who.get(down.jvm()) + " died holding " + n
          + (n == 1 ? " permit" : " permits") + "; released";
      getContext().getLog().warn(lastDeathRelease);
      serve();
    }
    who.remove(down.jvm());
    return this;
  }
}
