package io.multiproc.internal.sync;

import io.multiproc.internal.route.Waiters;
import io.multiproc.internal.transport.Peer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * INTERNAL API. The state behind a Barrier: the parties that arrived in this round. When the last
 * one arrives it is asked to run the barrier's action, if any (answered {@link #RUN_ACTION}; it
 * says when it is done with {@link ActionDone}), and then every party goes on. The barrier breaks
 * (every waiter fails) on abort, on reset, when a wait times out, when the action fails, and when
 * a waiting party's JVM ends.
 */
public final class BarrierState extends SyncState<BarrierState.Command> {
  private static final Logger LOG = LoggerFactory.getLogger(BarrierState.class);

  /** The protocol. */
  public sealed interface Command extends SyncState.Request
      permits Arrive, ActionDone, Reset, Abort, Cancel, State {}

  /** The index answered to the last party when it must run the action first. */
  public static final int RUN_ACTION = -1;

  /**
   * A party arrives; answers {@link Reply.Answer} with its arrival index (or {@link #RUN_ACTION})
   * when all parties arrived, {@link Reply.No} when the barrier is or gets broken. After
   * {@code timeoutMs} (negative: no limit) the barrier breaks.
   */
  public record Arrive(long id, long timeoutMs, ActorRef<Reply> replyTo) implements Command {}

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

  /** A request and where its answer goes: a party that waits, or one deferred for later. */
  private record Pending(Command request, Replier to, Peer from) {}

  private final int parties;
  private final boolean hasAction;
  private final Waiters<Pending> arrived = new Waiters<>(timer, Pending::from);
  /** What came while the action ran (arrivals, resets, aborts), in order, for after it. */
  private final List<Pending> nextRound = new ArrayList<>();
  private boolean broken;
  private boolean acting;
  /** The party running the action while {@code acting}: its ActionDone ends the round. */
  private Pending runner;

  /**
   * A barrier for {@code parties}; {@code hasAction} when the last party runs an action;
   * {@code timers} keep the waits' deadlines.
   */
  public BarrierState(int parties, boolean hasAction,
      Function<LongConsumer, Waiters.Timer> timers) {
    super(Command.class, timers);
    this.parties = parties;
    this.hasAction = hasAction;
  }

  @Override
  protected void handle(Command c, Replier to, Peer from, Answers out) {
    Pending p = new Pending(c, to, from);
    if (c instanceof Arrive) {
      arrive(p, out);
    } else if (c instanceof ActionDone d) {
      acting = false;
      runner = null;
      if (d.ok() && !broken) {
        release(out);
        out.add(to, new Reply.Answer(d.id(), parties - 1));
      } else {
        breakRound(out);
        out.add(to, new Reply.No(d.id()));
      }
      admitNextRound(out);
    } else if (c instanceof Reset) {
      reset(p, out);
    } else if (c instanceof Abort) {
      abort(p, out);
    } else if (c instanceof Cancel x) {
      // while the action runs the round is complete: too late to leave it
      boolean waited = (!acting && arrived.remove(x.request()) != null)
          || nextRound.removeIf(n -> n.request() instanceof Arrive a && a.id() == x.request());
      out.add(to, waited ? new Reply.Ok(x.id()) : new Reply.No(x.id()));
    } else if (c instanceof State s) {
      out.add(to, new Reply.Answer(s.id(), new Snapshot(arrived.size(), broken)));
    }
  }

  private void arrive(Pending p, Answers out) {
    Arrive a = (Arrive) p.request();
    if (acting) {
      nextRound.add(p); // the last round's action runs: this party belongs to the next
      return;
    }
    if (broken) {
      out.add(p.to(), new Reply.No(a.id()));
      return;
    }
    // the last party to arrive waits for nothing: no deadline of its own
    arrived.add(a.id(), p, arrived.size() + 1 < parties ? a.timeoutMs() : -1);
    if (arrived.size() < parties) {
      // waits for the others
    } else if (hasAction) {
      acting = true;
      runner = p;
      out.add(p.to(), new Reply.Answer(a.id(), RUN_ACTION));
    } else {
      release(out);
    }
  }

  private void reset(Pending p, Answers out) {
    if (acting) {
      nextRound.add(p); // the round is complete: it passes first, as under CPython's lock
      return;
    }
    breakRound(out);
    broken = false;
    out.add(p.to(), new Reply.Ok(p.request().id()));
  }

  private void abort(Pending p, Answers out) {
    if (acting) {
      nextRound.add(p); // the round is complete: it passes first, as under CPython's lock
      return;
    }
    breakRound(out);
    out.add(p.to(), new Reply.Ok(p.request().id()));
  }

  /** Every party goes on with its arrival index (the one that ran the action is answered apart). */
  private void release(Answers out) {
    int index = 0;
    for (Pending p : arrived.takeAll()) {
      if (!hasAction || index < parties - 1) {
        out.add(p.to(), new Reply.Answer(p.request().id(), index));
      }
      index++;
    }
  }

  private void breakRound(Answers out) {
    broken = true;
    arrived.takeAll().forEach(p -> out.add(p.to(), new Reply.No(p.request().id())));
  }

  private void admitNextRound(Answers out) {
    List<Pending> waiting = new ArrayList<>(nextRound);
    nextRound.clear();
    for (Pending p : waiting) { // each defers itself again if a round's action starts meanwhile
      if (p.request() instanceof Arrive) {
        arrive(p, out);
      } else if (p.request() instanceof Reset) {
        reset(p, out);
      } else if (p.request() instanceof Abort) {
        abort(p, out);
      }
    }
  }

  @Override
  protected void expired(long id, Answers out) {
    // while the action runs the round is complete: a deadline passing then breaks nothing, as
    // under CPython, where such a waiter sees the barrier passed once the action ends
    if (!acting && arrived.contains(id)) {
      breakRound(out);
    }
  }

  @Override
  protected void gone(Peer peer, Answers out) {
    // a party of the next round that died waits no more: that round breaks as it starts, where
    // its arrival would have been counted
    for (int i = 0; i < nextRound.size(); i++) {
      Pending n = nextRound.get(i);
      if (n.request() instanceof Arrive && peer.equals(n.from())) {
        LOG.warn("a party of a Barrier died while waiting: the barrier is broken");
        nextRound.set(i, new Pending(new Abort(n.request().id(), null), Replier.NONE, peer));
      }
    }
    if (acting) {
      // the round is complete, as when a deadline passes now; but the party running the action
      // can no longer say it is done, and the others would wait for ever
      if (peer.equals(runner.from())) {
        LOG.warn("the party running a Barrier's action died: the barrier is broken");
        acting = false;
        runner = null;
        breakRound(out);
        admitNextRound(out);
      }
    } else if (arrived.hasOwner(peer)) {
      LOG.warn("a party of a Barrier died while waiting: the barrier is broken");
      breakRound(out);
    }
  }
}
