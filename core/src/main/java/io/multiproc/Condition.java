package io.multiproc;

import io.multiproc.internal.Timeouts;
import io.multiproc.internal.sync.ConditionState;
import io.multiproc.internal.sync.Reply;
import io.multiproc.internal.sync.SharedRef;
import io.multiproc.internal.sync.SyncInbox;
import io.multiproc.internal.sync.SyncState;
import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * A condition variable shared by processes, the twin of CPython's
 * {@code multiprocessing.Condition}: a lock (an RLock unless given a Lock or RLock) and the
 * processes waiting to be notified, woken first come, first served.
 *
 * <p>Java's {@code Object} owns {@code wait()}, {@code notify()} and {@code notifyAll()}, so
 * CPython's {@code wait} is {@link #await} here, {@code notify()} is {@link #signal()} (or
 * {@link #notify(int)}) and {@code notify_all()} is {@link #signalAll()}. A waiter whose process dies is dropped, so a notify never goes to the dead. Use
 * {@code try (var held = cond.hold()) { … }} for Python's {@code with cond:}.
 */
public final class Condition implements Acquirable, Serializable {
  private static final long serialVersionUID = 1L;

  private final Acquirable lock;
  private final SharedRef<ConditionState.Command> state;

  /** A condition with a new RLock. */
  public Condition() {
    this(new RLock());
  }

  /**
   * A condition over {@code lock}.
   *
   * @throws IllegalArgumentException when {@code lock} is neither a Lock nor an RLock
   */
  public Condition(Acquirable lock) {
    if (!(lock instanceof Lock) && !(lock instanceof RLock)) {
      throw new IllegalArgumentException("a Condition needs a Lock or an RLock, not " + lock);
    }
    this.lock = lock;
    this.state = SharedRef.ofState(new ConditionState(SyncState.timers()).publish("condition"),
        "condition");
  }

  /**
   * Acquires the underlying lock.
   *
   * @throws IllegalArgumentException when {@code timeout} is negative
   */
  @Override
  public boolean acquire(boolean block, Duration timeout) {
    return lock.acquire(block, timeout);
  }

  /** Releases the underlying lock. */
  @Override
  public void release() {
    lock.release();
  }

  /** Waits until notified; see {@link #await(Duration)}. */
  public boolean await() {
    return await(null);
  }

  /**
   * Releases the lock, waits until notified or {@code timeout} passed (null: no limit), and takes
   * the lock again; returns false when the time ran out, as CPython's {@code wait(timeout)}.
   *
   * @throws IllegalStateException when the calling thread does not hold the lock
   * @throws IllegalArgumentException when {@code timeout} is negative
   * @throws ProcessError when the condition's process is gone, or the wait is interrupted (the
   *     cause is the InterruptedException; the flag stays set, the waiter is off the list, and
   *     the lock is held again, as CPython's wait raises after taking it back)
   */
  public boolean await(Duration timeout) {
    Timeouts.check(timeout);
    checkOwned("wait");
    long ticket = SharedRef.nextId();
    CompletableFuture<Reply> woken = SharedRef.expect(ticket);
    long ms = SharedRef.millis(true, timeout);
    // interrupted: the waiter is taken off the condition's list; a notify that raced it passes on
    BiFunction<Long, ActorRef<Reply>, ConditionState.Command> cancel =
        (id, replyTo) -> new ConditionState.Cancel(id, ticket, replyTo);
    try {
      state.ask(SharedRef.nextId(), (id, replyTo) -> new ConditionState.Enlist(id, ticket, ms,
          replyTo), Duration.ZERO, cancel, null);
    } catch (RuntimeException e) {
      SyncInbox.forget(ticket);
      throw e;
    }
    int saved = lock instanceof RLock r ? r.releaseAll() : release1();
    try {
      return state.await(ticket, woken, timeout, cancel, raced -> {
        if (raced instanceof Reply.Ok) {
          state.ask((id, replyTo) -> new ConditionState.Notify(id, 1, replyTo), Duration.ZERO);
        }
      }) instanceof Reply.Ok;
    } finally {
      // as CPython, the wait returns or raises holding the lock again; an interrupt that ended
      // it waits until then (the flag is set again after)
      boolean interrupted = Thread.interrupted();
      try {
        if (lock instanceof RLock r) {
          r.restore(saved);
        } else {
          lock.acquire();
        }
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /**
   * Waits until {@code predicate} is true, at most {@code timeout} (null: no limit), as CPython's
   * {@code wait_for}; returns the predicate's last value.
   *
   * @throws IllegalArgumentException when {@code timeout} is negative
   */
  public boolean waitFor(BooleanSupplier predicate, Duration timeout) {
    Timeouts.check(timeout);
    long end = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
    boolean result = predicate.getAsBoolean();
    while (!result) {
      Duration left = null;
      if (timeout != null) {
        left = Duration.ofNanos(end - System.nanoTime());
        if (left.isNegative() || left.isZero()) {
          break;
        }
      }
      await(left);
      result = predicate.getAsBoolean();
    }
    return result;
  }

  /**
   * Wakes the first waiting process, as CPython's {@code notify()}.
   *
   * @throws IllegalStateException when the calling thread does not hold the lock
   */
  public void signal() {
    notify(1);
  }

  /**
   * Wakes the first {@code n} waiting processes (each takes the lock back in turn).
   *
   * @throws IllegalStateException when the calling thread does not hold the lock
   */
  public void notify(int n) {
    checkOwned("notify");
    state.ask((id, replyTo) -> new ConditionState.Notify(id, n, replyTo), Duration.ZERO);
  }

  /**
   * Wakes every waiting process, as {@code notify_all()}.
   *
   * @throws IllegalStateException when the calling thread does not hold the lock
   */
  public void signalAll() {
    notify(-1);
  }

  /** The number of waiting processes now. */
  int waiting() {
    return (Integer) ((Reply.Answer) state.ask(ConditionState.State::new, Duration.ZERO))
        .value();
  }

  private int release1() {
    lock.release();
    return 1;
  }

  /** CPython's {@code _is_owned}: an RLock knows its owner; a Lock is owned if it is locked. */
  private void checkOwned(String what) {
    boolean owned;
    if (lock instanceof RLock r) {
      owned = r.isOwned();
    } else {
      owned = !lock.acquire(false, null);
      if (!owned) {
        lock.release();
      }
    }
    if (!owned) {
      throw new IllegalStateException("cannot " + what + " on un-acquired lock");
    }
  }

  @Override
  public String toString() {
    return "<Condition(" + lock + ")>";
  }
}
