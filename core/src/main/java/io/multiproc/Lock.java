package io.multiproc;

import io.multiproc.internal.Timeouts;
import io.multiproc.internal.sync.LeasedLock;
import io.multiproc.internal.sync.LockState;
import io.multiproc.internal.sync.SyncState;
import io.multiproc.internal.sync.SharedRef;
import java.io.Serializable;
import java.time.Duration;

/**
 * A lock shared by processes, the twin of CPython's {@code multiprocessing.Lock}: one holder at a
 * time, and any process (not only the holder) may release it.
 *
 * <p>The lock's state lives in the process that created it; this object is a handle that reaches it
 * from any process it is passed to. Waiting processes get the lock first come, first served. A
 * process keeps the lock after releasing it until another process asks for it, so taking it again
 * in the same process costs no message (a lease, as distributed lock managers do).
 *
 * <p>A process that dies holding the lock releases it, and the release is logged with its name
 * and pid (CPython deadlocks here, gh-88304). Use {@code try (var held = lock.hold()) { … }} for
 * Python's {@code with lock:}.
 *
 * <p>Only a process that <em>dies</em> (killed, crashed) gives back what it held, and that is
 * logged; a process that ends normally keeps it, as under CPython: the lock stays locked until some process releases it.
 */
public final class Lock implements Acquirable, Serializable {
  private static final long serialVersionUID = 1L;

  private final SharedRef<LockState.Command> state;

  /**
   * A new, unlocked lock.
   *
   * @throws ProcessError when this process cannot start its ActorSystem
   */
  public Lock() {
    this.state = SharedRef.withPushes(new LockState("Lock created by " + SharedRef.caller(),
        SyncState.timers()).publish("lock"), "lock");
  }

  /**
   * Takes the lock; waits if {@code block}, at most {@code timeout} (null: no limit).
   *
   * @return false when the lock was not free in time (at once, without {@code block})
   * @throws IllegalArgumentException when {@code timeout} is negative
   * @throws OwnerGoneError when the process that created the lock is gone
   * @throws ProcessError when the wait is interrupted
   */
  @Override
  public boolean acquire(boolean block, Duration timeout) {
    return LeasedLock.of(state).acquire(block, Timeouts.check(timeout));
  }

  /**
   * Releases the lock, whichever process holds it.
   *
   * @throws IllegalStateException when the lock is not locked ("release unlocked lock")
   */
  @Override
  public void release() {
    LeasedLock.of(state).release();
  }

  LockState.Snapshot snapshot() {
    return LeasedLock.of(state).snapshot();
  }

  /** Processes waiting at the lock's state plus threads of this JVM waiting for their turn. */
  int waiting() {
    return snapshot().waiting() + LeasedLock.of(state).localWaiting();
  }

  @Override
  public String toString() {
    return "<Lock>";
  }
}
