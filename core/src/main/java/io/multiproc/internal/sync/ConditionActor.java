package io.multiproc.internal.sync;

import io.multiproc.internal.route.Waiters;
import io.multiproc.internal.wire.Wire;
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
      permits Enlist, Notify, Cancel, State, TimedOut, JvmDown {}

  /**
   * Enlists waiter {@code ticket} and answers {@link Reply.Ok} at once (the waiter then releases
   * the lock); the waiter gets {@link Reply.Ok} for {@code ticket} when notified, {@link Reply.No}
   * after {@code timeoutMs} (negative: no limit).
   */
  public record Enlist(long id, long ticket, long timeoutMs, ActorRef<Reply> replyTo,
      ActorRef<?> jvm) implements Command {}

  /** Wakes the first {@code n} waiters (all when negative); answers {@link Reply.Ok}. */
  public record Notify(long id, int n, ActorRef<Reply> replyTo) implements Command {}

  /**
   * Waiter {@code ticket} stops waiting (its thread was interrupted); answers {@link Reply.Ok}
   * when it was waiting, {@link Reply.No} when it was woken or timed out already (that answer
   * came first: a notify is then passed on by the caller).
   */
  public record Cancel(long id, long ticket, ActorRef<Reply> replyTo) implements Command {}

  /** Answers {@link Reply.Answer} with the number of waiters (an Integer). */
  public record State(long id, ActorRef<Reply> replyTo) implements Command {}

  record TimedOut(long ticket) implements Command {}

  record JvmDown(ActorRef<?> jvm) implements Command {}

  private final Waiters<Enlist> waiters;
  private final JvmWatch<Command> jvms;

  /** A condition with no waiter. */
  public static Behavior<Command> create() {
    return Behaviors.setup(ctx -> Behaviors.withTimers(t -> new ConditionActor(ctx, t)));
  }

  private ConditionActor(ActorContext<Command> ctx, TimerScheduler<Command> timers) {
    super(ctx);
    this.jvms = new JvmWatch<>(ctx, JvmDown::new);
    this.waiters = new Waiters<>(Waiters.Timer.of(timers, TimedOut::new), Enlist::jvm);
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Enlist.class, e -> {
          jvms.watch(e.jvm());
          waiters.add(e.ticket(), e, e.timeoutMs());
          e.replyTo().tell(new Reply.Ok(e.id()));
          return this;
        })
        .onMessage(Notify.class, n -> {
          for (int i = 0; (n.n() < 0 || i < n.n()) && !waiters.isEmpty(); i++) {
            Enlist e = waiters.takeFirst();
            e.replyTo().tell(new Reply.Ok(e.ticket()));
          }
          n.replyTo().tell(new Reply.Ok(n.id()));
          return this;
        })
        .onMessage(Cancel.class, c -> {
          c.replyTo().tell(waiters.remove(c.ticket()) != null ? new Reply.Ok(c.id())
              : new Reply.No(c.id()));
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
          waiters.dropOwner(d.jvm());
          return this;
        })
        .build();
  }
}
