package io.multiproc.internal.sync;

import io.multiproc.ProcessError;
import io.multiproc.internal.ProcessRuntime;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * INTERNAL API. One JVM's side of a Lock: it keeps the lease the {@link LockActor} granted after
 * its threads release the lock, so taking the lock again costs no message until the actor recalls
 * it for another JVM. This JVM's threads queue for it first come, first served (a fair semaphore),
 * and only the head of that queue talks to the actor.
 */
public final class LeasedLock {
  private static final Map<String, LeasedLock> BY_PATH = new ConcurrentHashMap<>();

  private final SharedRef<LockActor.Command> actor;
  /** Taken by the thread that holds the lock, or is asking the actor for it. */
  private final Semaphore slot = new Semaphore(1, true);
  // guarded by this
  private long lease; // the lease held or being asked for; 0 when none
  private boolean leased; // the actor granted {@code lease}
  private boolean held; // a thread of this JVM holds the lock
  private boolean recalled; // the actor wants the lease back: it goes back on release
  private boolean revoked; // another process released the lock while its grant was on the way

  private LeasedLock(String path) {
    this.actor = new SharedRef<>(path, "lock");
  }

  /** This JVM's side of the lock whose actor is at {@code path}. */
  public static LeasedLock of(String path) {
    return BY_PATH.computeIfAbsent(path, LeasedLock::new);
  }

  /**
   * Takes the lock; waits when {@code block}, at most {@code timeout} (null: no limit). Returns
   * false when it was not free in time.
   */
  public boolean acquire(boolean block, Duration timeout) {
    long start = System.nanoTime();
    if (!takeSlot(block, timeout)) {
      return false;
    }
    long id;
    synchronized (this) {
      if (leased) {
        held = true;
        return true;
      }
      id = SharedRef.nextId();
      lease = id;
      SyncInbox.lease(id, this::onPush);
    }
    Duration left = remaining(block, timeout, start);
    Reply r;
    try {
      r = actor.ask(id, (rid, replyTo) -> new LockActor.Acquire(rid, block,
          SharedRef.millis(block, left), replyTo, ProcessRuntime.registry(), SharedRef.caller()),
          block ? left : Duration.ZERO);
    } catch (RuntimeException e) {
      giveUp(id);
      throw e;
    }
    if (!(r instanceof Reply.Ok)) {
      giveUp(id);
      return false;
    }
    synchronized (this) {
      leased = true;
      held = true;
      if (revoked) { // released by another process right after it was granted to this one
        end(LockActor.Revoked.class);
        slot.release();
      } else if (recalled) {
        actor.tell(new LockActor.Busy(id));
      }
    }
    return true;
  }

  /**
   * Releases the lock: at once when a thread of this JVM holds it, else through the actor (the
   * holder is another process).
   *
   * @throws IllegalStateException when the lock was not locked
   */
  public void release() {
    synchronized (this) {
      if (held) {
        held = false;
        if (recalled) {
          end(LockActor.Return.class);
        }
        slot.release();
        return;
      }
      if (leased) {
        throw new IllegalStateException("release unlocked lock");
      }
    }
    actor.call((id, replyTo) -> new LockActor.Release(id, replyTo), null);
  }

  /** How many threads of this JVM wait for their turn to take the lock. */
  public int localWaiting() {
    return slot.getQueueLength();
  }

  /** What the actor knows of the lock, for tests. */
  public LockActor.Snapshot snapshot() {
    return (LockActor.Snapshot) ((Reply.Answer) actor.ask((id, replyTo) ->
        new LockActor.State(id, replyTo), Duration.ZERO)).value();
  }

  private boolean takeSlot(boolean block, Duration timeout) {
    try {
      if (!block) {
        return slot.tryAcquire();
      }
      if (timeout == null) {
        slot.acquire();
        return true;
      }
      return slot.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProcessError("interrupted while acquiring a lock", e);
    }
  }

  /** What is left of {@code timeout} since {@code start} (System.nanoTime); null stays null. */
  static Duration remaining(boolean block, Duration timeout, long start) {
    if (!block || timeout == null) {
      return timeout;
    }
    Duration left = timeout.minusNanos(System.nanoTime() - start);
    return left.isNegative() ? Duration.ZERO : left;
  }

  private synchronized void giveUp(long id) {
    if (lease == id) {
      lease = 0;
      recalled = false;
      revoked = false;
      SyncInbox.unlease(id);
    }
    slot.release();
  }

  /** A push from the actor about the lease, on the inbox's thread. */
  private synchronized void onPush(Reply push) {
    if (push.id() != lease) {
      return;
    }
    if (push instanceof Reply.Recall) {
      if (leased && !held) {
        end(LockActor.Return.class);
      } else {
        recalled = true;
        if (leased) {
          actor.tell(new LockActor.Busy(lease));
        }
      }
    } else if (push instanceof Reply.Revoke) {
      if (leased) {
        boolean wasHeld = held;
        end(LockActor.Revoked.class);
        if (wasHeld) {
          slot.release();
        }
      } else {
        revoked = true;
      }
    }
  }

  /** The lease goes back to the actor: as a Return, or as the answer to a Revoke. */
  private void end(Class<? extends LockActor.Command> how) {
    long id = lease;
    boolean wasHeld = held;
    lease = 0;
    leased = false;
    held = false;
    recalled = false;
    revoked = false;
    SyncInbox.unlease(id);
    actor.tell(how == LockActor.Return.class ? new LockActor.Return(id)
        : new LockActor.Revoked(id, wasHeld));
  }
}
