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
 * INTERNAL API. The actor behind an Event: a flag, and the processes waiting for it to be set.
 * A waiter whose JVM dies is dropped.
 */
public final class EventActor extends AbstractBehavior<EventActor.Command> {

  /** The protocol. */
  public sealed interface Command extends Wire
      permits SetFlag, Clear, IsSet, Wait, Cancel, TimedOut, JvmDown {}

  /** Sets the flag and wakes every waiter; answers {@link Reply.Ok}. */
  public record SetFlag(long id, ActorRef<Reply> replyTo) implements Command {}

  /** Clears the flag; answers {@link Reply.Ok}. */
  public record Clear(long id, ActorRef<Reply> replyTo) implements Command {}

  /** Answers {@link Reply.Ok} when the flag is set, {@link Reply.No} when not. */
  public record IsSet(long id, ActorRef<Reply> replyTo) implements Command {}

  /**
   * Answers {@link Reply.Ok} once the flag is set, {@link Reply.No} after {@code timeoutMs}
   * (negative: no limit) if it was not.
   */
  public record Wait(long id, long timeoutMs, ActorRef<Reply> replyTo, ActorRef<?> jvm)
      implements Command {}

  /**
   * The waiting {@link Wait} {@code request} stops waiting (its thread was interrupted); answers
   * {@link Reply.Ok} when it was waiting, {@link Reply.No} when it was answered already.
   */
  public record Cancel(long id, long request, ActorRef<Reply> replyTo) implements Command {}

  record TimedOut(long id) implements Command {}

  record JvmDown(ActorRef<?> jvm) implements Command {}

  private final Waiters<Wait> waiters;
  private final JvmWatch<Command> jvms;
  private boolean flag;

  /** A new event, not set. */
  public static Behavior<Command> create() {
    return Behaviors.setup(ctx -> Behaviors.withTimers(t -> new EventActor(ctx, t)));
  }

  private EventActor(ActorContext<Command> ctx, TimerScheduler<Command> timers) {
    super(ctx);
    this.jvms = new JvmWatch<>(ctx, JvmDown::new);
    this.waiters = new Waiters<>(Waiters.Timer.of(timers, TimedOut::new), Wait::jvm);
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(SetFlag.class, s -> {
          flag = true;
          waiters.takeAll().forEach(w -> w.replyTo().tell(new Reply.Ok(w.id())));
          s.replyTo().tell(new Reply.Ok(s.id()));
          return this;
        })
        .onMessage(Clear.class, c -> {
          flag = false;
          c.replyTo().tell(new Reply.Ok(c.id()));
          return this;
        })
        .onMessage(IsSet.class, q -> {
          q.replyTo().tell(flag ? new Reply.Ok(q.id()) : new Reply.No(q.id()));
          return this;
        })
        .onMessage(Wait.class, this::onWait)
        .onMessage(Cancel.class, c -> {
          c.replyTo().tell(waiters.remove(c.request()) != null ? new Reply.Ok(c.id())
              : new Reply.No(c.id()));
          return this;
        })
        .onMessage(TimedOut.class, t -> {
          Wait w = waiters.remove(t.id());
          if (w != null) {
            w.replyTo().tell(new Reply.No(w.id()));
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

  private Behavior<Command> onWait(Wait w) {
    if (flag) {
      w.replyTo().tell(new Reply.Ok(w.id()));
    } else if (w.timeoutMs() == 0) {
      w.replyTo().tell(new Reply.No(w.id()));
    } else {
      jvms.watch(w.jvm());
      waiters.add(w.id(), w, w.timeoutMs());
    }
    return this;
  }
}
