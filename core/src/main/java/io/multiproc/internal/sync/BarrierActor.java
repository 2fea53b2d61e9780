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
 * INTERNAL API. The actor behind a Barrier: the parties that arrived in this round. When the last
 * one arrives it runs the barrier's action, if any, and then every party goes on. The barrier
 * breaks (every waiter fails) on abort, on reset, when a wait times out, when the action fails,
 * and when a waiting party's JVM dies.
 */
public final class BarrierActor extends AbstractBehavior<BarrierActor.Command> {

  /** The protocol. */
  public sealed interface Command extends Wire
      permits Arrive, ActionDone, Reset, Abort, Cancel, State, TimedOut, JvmDown {}

  /** The index answered to the last party when it must run the action first. */
  public static final int RUN_ACTION = -1;

  /**
   * A party arrives; answers {@link Reply.Answer} with its arrival index (or {@link #RUN_ACTION})
   * when all parties arrived, {@link Reply.No} when the barrier is or gets broken. After
   * {@code timeoutMs} (negative: no limit) the barrier breaks.
   */
  public record Arrive(long id, long timeoutMs, ActorRef<Reply> replyTo, ActorRef<?> jvm)
      implements Command {}

  /**
   * The last party ran the action ({@code ok}: without failing); answers it its index, or
   * {@link Reply.No} when the barrier broke meanwhile.
   */
  public record ActionDone(long id, boolean ok, ActorRef<Reply> replyTo) implements Command {}

  /**
   * Breaks this round (its waiters fail) and makes the barrier usable again; while the action
   * runs, once that complete round passed.
   */
  public record Reset(long id, ActorRef<Reply> replyTo) implements Command {}

  /** Breaks the barrier until a reset; while the action runs, once that complete round passed. */
  public record Abort(long id, ActorRef<Reply> replyTo) implements Command {}

  /**
   * The waiting {@link Arrive} {@code request} leaves (its thread was interrupted): the round
   * goes on without it, as a CPython party whose wait raises; answers {@link Reply.Ok} when it
   * was waiting, {@link Reply.No} when it was answered already (that answer came first).
   */
  public record Cancel(long id, long request, ActorRef<Reply> replyTo) implements Command {}

  /** Answers {@link Reply.Answer} with a {@link Snapshot}. */
  public record State(long id, ActorRef<Reply> replyTo) implements Command {}

  /** How many wait now, and whether the barrier is broken. */
  public record Snapshot(int waiting, boolean broken) implements java.io.Serializable {}

  record TimedOut(long id) implements Command {}

  record JvmDown(ActorRef<?> jvm) implements Command {}

  private final int parties;
  private final boolean hasAction;
  private final Waiters<Arrive> arrived;
  /** What came while the action ran (arrivals, resets, aborts), in order, for after it. */
  private final List<Command> nextRound = new ArrayList<>();
  private final JvmWatch<Command> jvms;
  private boolean broken;
  private boolean acting;

  /** A barrier for {@code parties}; {@code hasAction} when the last party runs an action. */
  public static Behavior<Command> create(int parties, boolean hasAction) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(t ->
        new BarrierActor(ctx, t, parties, hasAction)));
  }

  private BarrierActor(ActorContext<Command> ctx, TimerScheduler<Command> timers, int parties,
      boolean hasAction) {
    super(ctx);
    this.jvms = new JvmWatch<>(ctx, JvmDown::new);
    this.arrived = new Waiters<>(Waiters.Timer.of(timers, TimedOut::new), Arrive::jvm);
    this.parties = parties;
    this.hasAction = hasAction;
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Arrive.class, this::onArrive)
        .onMessage(ActionDone.class, d -> {
          acting = false;
          if (d.ok() && !broken) {
            release();
            d.replyTo().tell(new Reply.Answer(d.id(), parties - 1));
          } else {
            breakRound();
            d.replyTo().tell(new Reply.No(d.id()));
          }
          admitNextRound();
          return this;
        })
        .onMessage(Reset.class, this::onReset)
        .onMessage(Abort.class, this::onAbort)
        .onMessage(Cancel.class, c -> {
          // while the action runs the round is complete: too late to leave it
          boolean waited = (!acting && arrived.remove(c.request()) != null)
              || nextRound.removeIf(m -> m instanceof Arrive a && a.id() == c.request());
          c.replyTo().tell(waited ? new Reply.Ok(c.id()) : new Reply.No(c.id()));
          return this;
        })
        .onMessage(State.class, s -> {
          s.replyTo().tell(new Reply.Answer(s.id(), new Snapshot(arrived.size(), broken)));
          return this;
        })
        .onMessage(TimedOut.class, t -> {
          // while the action runs the round is complete: a deadline passing then breaks nothing,
          // as under CPython, where such a waiter sees the barrier passed once the action ends
          if (!acting && arrived.contains(t.id())) {
            breakRound();
          }
          return this;
        })
        .onMessage(JvmDown.class, d -> {
          jvms.gone(d.jvm());
          if (arrived.hasOwner(d.jvm())) {
            getContext().getLog().warn("a party of a Barrier died while waiting: the barrier is"
                + " broken");
            breakRound();
          }
          return this;
        })
        .build();
  }

  private Behavior<Command> onArrive(Arrive a) {
    jvms.watch(a.jvm());
    if (acting) {
      nextRound.add(a); // the last round's action runs: this party belongs to the next
      return this;
    }
    if (broken) {
      a.replyTo().tell(new Reply.No(a.id()));
      return this;
    }
    // the last party to arrive waits for nothing: no deadline of its own
    arrived.add(a.id(), a, arrived.size() + 1 < parties ? a.timeoutMs() : -1);
    if (arrived.size() < parties) {
      // waits for the others
    } else if (hasAction) {
      acting = true;
      a.replyTo().tell(new Reply.Answer(a.id(), RUN_ACTION));
    } else {
      release();
    }
    return this;
  }

  private Behavior<Command> onReset(Reset r) {
    if (acting) {
      nextRound.add(r); // the round is complete: it passes first, as under CPython's lock
      return this;
    }
    breakRound();
    broken = false;
    r.replyTo().tell(new Reply.Ok(r.id()));
    return this;
  }

  private Behavior<Command> onAbort(Abort a) {
    if (acting) {
      nextRound.add(a); // the round is complete: it passes first, as under CPython's lock
      return this;
    }
    breakRound();
    a.replyTo().tell(new Reply.Ok(a.id()));
    return this;
  }

  /** Every party goes on with its arrival index (the last, which ran the action, is answered apart). */
  private void release() {
    int index = 0;
    for (Arrive a : arrived.takeAll()) {
      if (!hasAction || index < parties - 1) {
        a.replyTo().tell(new Reply.Answer(a.id(), index));
      }
      index++;
    }
  }

  private void breakRound() {
    broken = true;
    arrived.takeAll().forEach(a -> a.replyTo().tell(new Reply.No(a.id())));
  }

  private void admitNextRound() {
    List<Command> waiting = new ArrayList<>(nextRound);
    nextRound.clear();
    for (Command m : waiting) { // each defers itself again if a round's action starts meanwhile
      if (m instanceof Arrive a) {
        onArrive(a);
      } else if (m instanceof Reset r) {
        onReset(r);
      } else if (m instanceof Abort a) {
        onAbort(a);
      }
    }
  }
}
