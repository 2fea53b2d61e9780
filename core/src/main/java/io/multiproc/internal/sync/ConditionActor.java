package io.multiproc.internal.sync;

import io.multiproc.internal.wire.Wire;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * INTERNAL API. The actor behind a Condition: the waiters, woken first come, first served. (The
 * lock is a Lock or RLock of its own.) A waiter whose JVM dies is dropped, so a notify never
 * goes to the dead.
 */
public final class ConditionActor extends AbstractBehavior<ConditionActor.Command> {

  /** The protocol. */
  public sealed interface Command extends Wire
      permits Enlist, Notify, State, TimedOut, JvmDown {}

  /**
   * Enlists waiter {@code ticket} and answers {@link Reply.Ok} at once (the waiter then releases
   * the lock); the waiter gets {@link Reply.Ok} for {@code ticket} when notified, {@link Reply.No}
   * after {@code timeoutMs} (negative: no limit).
   */
  public record Enlist(long id, long ticket, long timeoutMs, ActorRef<Reply> replyTo,
      ActorRef<?> jvm) implements Command {}

  /** Wakes the first {@code n} waiters (all when negative); answers {@link Reply.Ok}. */
  public record Notify(long id, int n, ActorRef<Reply> replyTo) implements Command {}

  /** Answers {@link Reply.Answer} with the number of waiters (an Integer). */
  public record State(long id, ActorRef<Reply> replyTo) implements Command {}

  record TimedOut(long ticket) implements Command {}

  record JvmDown(ActorRef<?> jvm) implements Command {}

  private final TimerScheduler<Command> timers;
  private final LinkedHashMap<Long, Enlist> waiters = new LinkedHashMap<>();
  private final JvmWatch<Command> jvms;

  /** A condition with no waiter. */
  public static Behavior<Command> create() {
    return Behaviors.setup(ctx -> Behaviors.withTimers(t -> new ConditionActor(ctx, t)));
  }

  private ConditionActor(ActorContext<Command> ctx, TimerScheduler<Command> timers) {
    super(ctx);
    this.jvms = new JvmWatch<>(ctx, JvmDown::new);
    this.timers = timers;
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Enlist.class, e -> {
          jvms.watch(e.jvm());
          waiters.put(e.ticket(), e);
          if (e.timeoutMs() >= 0) {
            timers.startSingleTimer(e.ticket(), new TimedOut(e.ticket()),
                Duration.ofMillis(e.timeoutMs()));
          }
          e.replyTo().tell(new Reply.Ok(e.id()));
          return this;
        })
        .onMessage(Notify.class, n -> {
          Iterator<Enlist> it = waiters.values().iterator();
          for (int i = 0; (n.n() < 0 || i < n.n()) && it.hasNext(); i++) {
            Enlist e = it.next();
            it.remove();
            timers.cancel(e.ticket());
            e.replyTo().tell(new Reply.Ok(e.ticket()));
          }
          n.replyTo().tell(new Reply.Ok(n.id()));
          return this;
        })
        .onMessage(State.class, s -> {
          s.replyTo().tell(new Reply.Answer(s.id(), waiters.size()));
          return this;
        })
        .onMessage(TimedOut.class, t -> {
          Enlist e = waiters.remove(t.ticket());
          if (e != null) {
            e.replyTo().tell(new Reply.No(e.ticket()));
          }
          return this;
        })
        .onMessage(JvmDown.class, d -> {
          jvms.gone(d.jvm());
          waiters.values().removeIf(e -> d.jvm().equals(e.jvm()));
          return this;
        })
        .build();
  }
}
