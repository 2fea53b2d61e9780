package io.multiproc;

import io.multiproc.internal.Timeouts;
import io.multiproc.internal.sync.Elements;
import io.multiproc.internal.sync.LeasedLock;
import io.multiproc.internal.sync.LockState;
import io.multiproc.internal.sync.PermitState;
import io.multiproc.internal.sync.SharedRef;
import io.multiproc.internal.sync.SyncState;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A reentrant lock shared by processes, the twin of CPython's {@code multiprocessing.RLock}: the
 * thread that holds it may acquire it again, and must release it as many times; only that thread
 * may release it.
 *
 * <p>Nested acquires and releases are counted by the owning thread's own process and cost no
 * message. The outermost ones take and free the lock as a {@link Lock} does: the lock's state
 * serves processes first come, first served, and a process keeps the lock (a lease) after its
 * threads release it until another process asks for it, so taking it again costs no message. A
 * process that dies holding the lock releases it, and the release is logged with its name and pid.
 *
 * <p>Only a process that <em>dies</em> (killed, crashed) gives back what it held, and that is
 * logged; a process that ends normally keeps it, as under CPython: the lock stays with its owner,
 * which no longer runs, so nobody can release it.
 */
public final class RLock implements Acquirable, Serializable {
  private static final long serialVersionUID = 1L;
  /** The owning thread of this JVM and its count, per lock. */
  private static final Map<String, Owner> OWNERS = new ConcurrentHashMap<>();

  private static final class Owner {
    final Thread thread = Thread.currentThread();
    int count = 1; // read and written by that thread only
  }

  private final SharedRef<LockState.Command> state;
  private transient volatile LeasedLock leased;
  private transient volatile Elements.Guard guard;

  /**
   * A new, unlocked reentrant lock.
   *
   * @throws ProcessError when this process cannot start its ActorSystem
   */
  public RLock() {
    this.state = SharedRef.withPushes(new LockState("RLock created by " + SharedRef.caller(),
        SyncState.timers()).publish("rlock"), "RLock");
  }

  /** This process's side of the lock (its lease). */
  LeasedLock leased() {
    LeasedLock l = leased;
    if (l == null) {
      l = LeasedLock.of(state);
      leased = l;
    }
    return l;
  }

  /**
   * Takes the lock, or counts one more acquire when this thread holds it; waits if {@code block},
   * at most {@code timeout} (null: no limit).
   *
   * @return false when the lock was not free in time
   * @throws IllegalArgumentException when {@code timeout} is negative
   * @throws ProcessError when the lock's process is gone or the wait is interrupted
   */
  @Override
  public boolean acquire(boolean block, Duration timeout) {
    Timeouts.check(timeout);
    Owner o = OWNERS.get(state.path());
    if (o != null && o.thread == Thread.currentThread()) {
      o.count++;
      return true;
    }
    if (!leased().acquire(block, timeout)) {
      return false;
    }
    OWNERS.put(state.path(), new Owner());
    return true;
  }

  /**
   * Counts one release; the last one frees the lock.
   *
   * @throws IllegalStateException when the calling thread does not hold the lock ("cannot release
   *     un-acquired lock")
   */
  @Override
  public void release() {
    Owner o = ownedByMe();
    if (--o.count == 0) {
      OWNERS.remove(state.path());
      leased().release();
    }
  }

  /**
   * What a Value or Array guarded by this lock takes around each access, as CPython's
   * synchronized wrapper: this lock, and its lease, under which the elements are kept here.
   */
  Elements.Guard guard() {
    Elements.Guard g = guard;
    if (g == null) {
      g = newGuard();
      guard = g;
    }
    return g;
  }

  /** The guard of a Value or Array whose lock is {@code lock}: an RLock's, else none (null). */
  static Elements.Guard guardOf(Acquirable lock) {
    return lock instanceof RLock r ? r.guard() : null;
  }

  private Elements.Guard newGuard() {
    return new Elements.Guard() {
      @Override
      public void acquire() {
        RLock.this.acquire();
      }

      @Override
      public void release() {
        RLock.this.release();
      }

      @Override
      public LeasedLock lease() {
        return leased();
      }
    };
  }

  /** Whether the calling thread holds the lock. */
  boolean isOwned() {
    Owner o = OWNERS.get(state.path());
    return o != null && o.thread == Thread.currentThread();
  }

  /** Frees the lock whatever the count, for Condition's wait; returns the count to restore. */
  int releaseAll() {
    Owner o = ownedByMe();
    int count = o.count;
    o.count = 1;
    release();
    return count;
  }

  /** Takes the lock back after Condition's wait, with the count {@link #releaseAll} returned. */
  void restore(int count) {
    acquire();
    OWNERS.get(state.path()).count = count;
  }

  private Owner ownedByMe() {
    Owner o = OWNERS.get(state.path());
    if (o == null || o.thread != Thread.currentThread()) {
      throw new IllegalStateException("cannot release un-acquired lock");
    }
    return o;
  }

  /**
   * What the lock looks like from here, for tests: {@code value} 0 while it is taken (held by a
   * thread of this process, or leased to another process), 1 when free; the processes and the
   * threads of this process waiting for it.
   */
  PermitState.Snapshot snapshot() {
    LockState.Snapshot s = leased().snapshot();
    boolean taken = leased().heldHere() || (s.leased() && !leased().leasedHere());
    return new PermitState.Snapshot(taken ? 0 : 1, s.waiting() + leased().localWaiting(),
        s.lastDeathRelease(), s.peers());
  }

  @Override
  public String toString() {
    return "<RLock>";
  }
}
