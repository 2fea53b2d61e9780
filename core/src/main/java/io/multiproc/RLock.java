package io.multiproc;

import io.multiproc.internal.Timeouts;
import io.multiproc.internal.sync.PermitState;
import io.multiproc.internal.sync.Permits;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A reentrant lock shared by processes, the twin of CPython's {@code multiprocessing.RLock}: the
 * thread that holds it may acquire it again, and must release it as many times; only that thread
 * may release it.
 *
 * <p>Nested acquires and releases are counted in the owner's own process and cost no message;
 * the outermost ones go to the lock's actor, which serves waiters first come, first served. A
 * process that dies holding the lock releases it, and the release is logged with its name and pid.
 *
 * <p>Only a process that <em>dies</em> (killed, crashed) gives back what it held, and that is
 * logged; a process that ends normally keeps it, as under CPython: the lock stays with its owner, which no longer runs, so nobody can release it.
 */
public final class RLock implements Acquirable, Serializable {
  private static final long serialVersionUID = 1L;
  /** The owning thread of this JVM and its count, per lock. */
  private static final Map<String, Owner> OWNERS = new ConcurrentHashMap<>();

  private static final class Owner {
    final Thread thread = Thread.currentThread();
    int count = 1; // read and written by that thread only
  }

  private final Permits permits;

  /**
   * A new, unlocked reentrant lock.
   *
   * @throws ProcessError when this process cannot start its ActorSystem
   */
  public RLock() {
    this.permits = new Permits("RLock", 1, 1, true);
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
    Owner o = OWNERS.get(permits.path());
    if (o != null && o.thread == Thread.currentThread()) {
      o.count++;
      return true;
    }
    if (!permits.acquire(block, timeout, Permits.thisThread())) {
      return false;
    }
    OWNERS.put(permits.path(), new Owner());
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
      OWNERS.remove(permits.path());
      permits.release(Permits.thisThread());
    }
  }

  /** Whether the calling thread holds the lock. */
  boolean isOwned() {
    Owner o = OWNERS.get(permits.path());
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
    OWNERS.get(permits.path()).count = count;
  }

  private Owner ownedByMe() {
    Owner o = OWNERS.get(permits.path());
    if (o == null || o.thread != Thread.currentThread()) {
      throw new IllegalStateException("cannot release un-acquired lock");
    }
    return o;
  }

  PermitState.Snapshot snapshot() {
    return permits.snapshot();
  }

  @Override
  public String toString() {
    return "<RLock>";
  }
}
