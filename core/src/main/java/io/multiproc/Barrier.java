package io.multiproc;

import io.multiproc.internal.Timeouts;
import io.multiproc.internal.sync.BarrierState;
import io.multiproc.internal.sync.Reply;
import io.multiproc.internal.sync.SharedRef;
import io.multiproc.internal.sync.SyncState;
import java.io.Serializable;
import java.time.Duration;

/**
 * A barrier for a fixed number of processes, the twin of CPython's
 * {@code multiprocessing.Barrier}: each party's {@code await} blocks until all {@code parties}
 * called it; then the last one runs the action (if any) and all go on. It can be used again.
 *
 * <p>The barrier breaks, and every waiting party gets a {@link BrokenBarrierException}, on
 * {@link #abort()}, on {@link #reset()}, when a wait times out, when the action fails, and when a
 * waiting party's process dies (a thread-based barrier would wait for ever). Once the last party
 * has arrived the round is complete: a timeout, a reset or an abort while its action runs comes
 * after it, and a party that dies then breaks nothing, unless it is the one running the action.
 */
public final class Barrier implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int parties;
  private final Target action;
  private final Duration timeout;
  private final SharedRef<BarrierState.Command> state;

  /** A barrier for {@code parties}, with no action and no default timeout. */
  public Barrier(int parties) {
    this(parties, null, null);
  }

  /**
   * A barrier for {@code parties}; {@code action} (may be null) runs in the last party to arrive
   * before any goes on; {@code timeout} (null: none) is the default of {@link #await()}.
   *
   * @throws IllegalArgumentException when {@code parties} is less than 1 or {@code timeout} is
   *     negative
   */
  public Barrier(int parties, Target action, Duration timeout) {
    if (parties < 1) {
      throw new IllegalArgumentException("a Barrier needs at least 1 party, not " + parties);
    }
    this.parties = parties;
    this.action = action;
    this.timeout = Timeouts.check(timeout);
    this.state = SharedRef.ofState(new BarrierState(parties, action != null, SyncState.timers())
        .publish("barrier"), "barrier");
  }

  /** Waits for all parties, at most the barrier's default timeout; see {@link #await(Duration)}. */
  public int await() {
    return await(timeout);
  }

  /**
   * Waits until all parties called {@code await}, at most {@code timeout} (null: no limit), and
   * returns this party's arrival index, 0 to parties − 1.
   *
   * @throws BrokenBarrierException when the barrier is broken, or breaks while waiting (a timeout
   *     breaks it)
   * @throws ProcessError when the action failed in this process (the barrier is then broken), or
   *     the wait is interrupted (the cause is the InterruptedException, the flag stays set, and
   *     this party has left the round)
   * @throws IllegalArgumentException when {@code timeout} is negative
   */
  public int await(Duration timeout) {
    long ms = SharedRef.millis(true, Timeouts.check(timeout));
    long request = SharedRef.nextId();
    // interrupted: the party leaves the round (as CPython's); if it was to run the action, the
    // action fails, which breaks the barrier for the others
    Reply r = state.ask(request, (id, replyTo) -> new BarrierState.Arrive(id, ms, replyTo),
        timeout, (id, replyTo) -> new BarrierState.Cancel(id, request, replyTo), raced -> {
          if (raced instanceof Reply.Answer a && (Integer) a.value() == BarrierState.RUN_ACTION) {
            state.ask((id, replyTo) -> new BarrierState.ActionDone(id, false, replyTo),
                Duration.ZERO);
          }
        });
    if (r instanceof Reply.Answer a && (Integer) a.value() == BarrierState.RUN_ACTION) {
      boolean ok = false;
      try {
        action.run();
        ok = true;
      } catch (Exception e) {
        throw new ProcessError("the barrier's action failed: " + e, e);
      } finally {
        boolean done = ok;
        r = state.ask((id, replyTo) -> new BarrierState.ActionDone(id, done, replyTo),
            Duration.ZERO);
      }
    }
    if (r instanceof Reply.Answer a) {
      return (Integer) a.value();
    }
    throw new BrokenBarrierException("the barrier is broken");
  }

  /** Breaks the waits of this round and makes the barrier usable again. */
  public void reset() {
    state.ask(BarrierState.Reset::new, Duration.ZERO);
  }

  /** Breaks the barrier: waiting and later parties fail until a {@link #reset()}. */
  public void abort() {
    state.ask(BarrierState.Abort::new, Duration.ZERO);
  }

  /** The number of parties. */
  public int parties() {
    return parties;
  }

  /** The number of parties waiting now, as {@code n_waiting}. */
  public int nWaiting() {
    return snapshot().waiting();
  }

  /** Whether the barrier is broken. */
  public boolean broken() {
    return snapshot().broken();
  }

  private BarrierState.Snapshot snapshot() {
    return (BarrierState.Snapshot) ((Reply.Answer) state.ask(BarrierState.State::new,
        Duration.ZERO)).value();
  }

  @Override
  public String toString() {
    return "<Barrier parties=" + parties + ">";
  }
}
