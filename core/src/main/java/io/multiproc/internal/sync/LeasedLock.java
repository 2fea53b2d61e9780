package io.multiproc.internal.sync;

import io.multiproc.internal.Finalizers;
import io.multiproc.ProcessError;
import io.multiproc.internal.ProcessRuntime;
import io.multiproc.internal.Timeouts;
import io.multiproc.internal.route.PushLanes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * INTERNAL API. One JVM's side of a Lock: it keeps the lease the {@link LockState} granted after
 * its threads release the lock, so taking the lock again costs no message until the state recalls
 * it for another JVM. A recall is honoured at once when no thread holds the lock, else on release
 * once the lease is {@code multiproc.lock.lease-quantum} old, which bounds how long another
 * process waits beyond this one's use.
 *
 * <p>Two regimes. The fast one: the lease is here, not recalled, and no thread of this JVM waits;
 * then acquire and release are one compare-and-set each on {@link #fast}. Otherwise the slow one:
 * this JVM's threads queue for the lock first come, first served (a fair semaphore, {@link
 * #slot}), and only the thread at the head talks to the state. While the fast regime lasts it
 * owns the slot's permit; whoever ends it takes that permit over.
 */
public final class LeasedLock {
  /** How long a granted lease stays here at least when recalled while held: lock.lease-quantum. */
  private static volatile long quantum = -1;
  private static final int SLOW = 0;
  private static final int FREE = 1;
  private static final int HELD = 2;
  private static final int WANTED = 3; // held, and its release must take the slow path
  private static final Map<String, LeasedLock> BY_PATH = new ConcurrentHashMap<>();

  private final SharedRef<LockState.Command> state;
  private final AtomicInteger fast = new AtomicInteger(SLOW);
  /** What runs (holding this) before the lease leaves this JVM, or ends with its lock's JVM. */
  private final List<Runnable> leaseEnd = new CopyOnWriteArrayList<>();
  /** Threads in the slow acquire: while there are any, the fast regime is not entered. */
  private final AtomicInteger slowWaiters = new AtomicInteger();
  private final Semaphore slot = new Semaphore(1, true);
  // guarded by this
  private long lease; // the lease held or being asked for; 0 when none
  private boolean leased; // the state granted {@code lease}
  private boolean held; // a thread holds the lock in the slow regime
  private boolean recalled; // the state wants the lease back
  private boolean revoked; // another process released the lock while its grant was on the way
  private long grantedAt;

  static {
    Finalizers.register("primitives left normally", Finalizers.LEAVE_PRIMITIVES,
        SyncObjects::leaveAll);
  }

  private LeasedLock(SharedRef<LockState.Command> state) {
    this.state = state;
  }

  /** This JVM's side of the lock whose state {@code state} reaches. */
  public static LeasedLock of(SharedRef<LockState.Command> state) {
    LeasedLock l = BY_PATH.get(state.path());
    if (l == null) {
      l = BY_PATH.computeIfAbsent(state.path(), p -> new LeasedLock(state));
      l.state.owner().onGone(l::ownerGone); // the lease ends with the lock it came from
    }
    return l;
  }

  /**
   * Gives back every lease no thread holds; of a lock a thread holds, tells the state that this
   * JVM ends normally holding it (it stays locked: any process may release it later); then waits
   * until the lock lanes carried that. Called as a process ends.
   */
  static void leaveAll() {
    BY_PATH.values().forEach(l -> l.recallNow(-1, true));
    PushLanes.syncAll();
  }

  /**
   * Takes the lock; waits when {@code block}, at most {@code timeout} (null: no limit). Returns
   * false when it was not free in time.
   */
  public boolean acquire(boolean block, Duration timeout) {
    return fast.compareAndSet(FREE, HELD) || slowAcquire(block, timeout);
  }

  /**
   * Releases the lock: at once when this JVM has it, else through the state (the holder is
   * another process).
   *
   * @throws IllegalStateException when the lock was not locked
   */
  public void release() {
    if (!fast.compareAndSet(HELD, FREE)) {
      slowRelease();
    }
  }

  private boolean slowAcquire(boolean block, Duration timeout) {
    long start = System.nanoTime();
    slowWaiters.incrementAndGet();
    try {
      while (true) {
        int f = fast.get();
        if (f == FREE && fast.compareAndSet(FREE, SLOW)) {
          synchronized (this) { // the fast regime's permit is this thread's now
            held = true;
          }
          return true;
        }
        if (f == SLOW || f == WANTED || (f == HELD && fast.compareAndSet(HELD, WANTED))) {
          break;
        }
      }
      if (!takeSlot(block, Timeouts.remaining(block, timeout, start))) {
        return false;
      }
    } finally {
      slowWaiters.decrementAndGet();
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
    Duration left = Timeouts.remaining(block, timeout, start);
    Reply r;
    try {
      // interrupted: the acquire stops waiting at the state, and a grant that raced it goes back
      r = state.ask(id, (rid, replyTo) -> new LockState.Acquire(rid, block,
          SharedRef.millis(block, left), replyTo, SharedRef.caller()),
          block ? left : Duration.ZERO, (cid, replyTo) -> new LockState.Cancel(cid, id, replyTo),
          raced -> {
            if (raced instanceof Reply.Ok) {
              returnRaced(id);
            }
          });
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
      grantedAt = System.nanoTime();
      if (revoked) { // released by another process right after it was granted to this one
        end(true, true);
        slot.release();
      } else if (recalled) {
        scheduleRecall(id);
      }
    }
    return true;
  }

  private void slowRelease() {
    synchronized (this) {
      int f = fast.get();
      if (f == WANTED && fast.compareAndSet(WANTED, SLOW)) {
        freed(); // released by a fast-path holder that others wait for
        return;
      }
      if (f == SLOW && held) {
        held = false;
        freed();
        return;
      }
      if (leased) {
        throw new IllegalStateException("release unlocked lock");
      }
    }
    state.call((id, replyTo) -> new LockState.Release(id, replyTo), null);
  }

  /** The lock was just released by this JVM, whose thread owns the slot's permit. */
  private void freed() {
    if (recalled && System.nanoTime() - grantedAt >= quantum()) {
      end(true, false);
      slot.release();
    } else if (leased && !recalled && slowWaiters.get() == 0) {
      fast.set(FREE);
      if (slowWaiters.get() > 0 && fast.compareAndSet(FREE, SLOW)) {
        slot.release(); // a thread came to wait meanwhile: it gets the lock
      }
    } else {
      slot.release();
    }
  }

  /**
   * Runs {@code hook} each time the lease is about to leave this JVM (before the lock's state
   * can grant it to another), or has ended with the lock's JVM: what this JVM kept under the
   * lease (a Value's elements) is written back and forgotten.
   */
  public void onLeaseEnd(Runnable hook) {
    leaseEnd.add(hook);
  }

  private void leaseEnds() {
    for (Runnable hook : leaseEnd) {
      hook.run();
    }
  }

  /** Whether a thread of this JVM holds the lock now. */
  public synchronized boolean heldHere() {
    int f = fast.get();
    return f == HELD || f == WANTED || (f == SLOW && held);
  }

  /** Whether this JVM has the lock's lease now (whether or not a thread holds the lock). */
  public synchronized boolean leasedHere() {
    return leased;
  }

  /** How many threads of this JVM wait for their turn to take the lock. */
  public int localWaiting() {
    return slot.getQueueLength();
  }

  /** What the state knows of the lock, for tests. */
  public LockState.Snapshot snapshot() {
    return (LockState.Snapshot) ((Reply.Answer) state.ask((id, replyTo) ->
        new LockState.State(id, replyTo), Duration.ZERO)).value();
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

  /** Lease {@code id} was granted to an acquire that was interrupted: it goes back at once. */
  private synchronized void returnRaced(long id) {
    if (lease == id) {
      leased = true;
      end(true, revoked); // released by another process meanwhile: that release took it
    }
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

  /** A push from the state about the lease, on the inbox's thread. */
  private synchronized void onPush(Reply push) {
    if (push.id() != lease) {
      return;
    }
    if (push instanceof Reply.Recall) {
      recalled = true;
      if (leased) { // else the grant is on its way, and its thread sees the recall
        scheduleRecall(lease);
      }
    } else if (push instanceof Reply.Revoke) {
      if (!leased) {
        revoked = true;
        return;
      }
      int f = fast.getAndSet(SLOW);
      boolean wasHeld = f == HELD || f == WANTED || (f == SLOW && held);
      boolean permitHere = f != SLOW || held; // the fast regime's, or the slow holder's
      held = false;
      end(wasHeld, true);
      if (permitHere) {
        slot.release();
      }
    }
  }

  private static long quantum() {
    long q = quantum;
    if (q < 0) {
      q = ProcessRuntime.settings().root().getDuration("multiproc.lock.lease-quantum").toNanos();
      quantum = q;
    }
    return q;
  }

  /**
   * Honours the recall of lease {@code id}: at once when no thread holds the lock or the lease is
   * old enough, else once it is.
   */
  private void scheduleRecall(long id) {
    long wait = grantedAt + quantum() - System.nanoTime();
    if (wait <= 0 || fast.get() == FREE || (fast.get() == SLOW && !held)) {
      if (leaseEnd.isEmpty()) {
        recallNow(id, false);
      } else { // its hooks wait for an answer, which may come the way this push came: not here
        SyncObjects.later(0, () -> recallNow(id, false));
      }
      return;
    }
    // not Pekko's scheduler: a JVM that reaches the lock over a lane never starts its ActorSystem
    SyncObjects.later(wait, () -> recallNow(id, false));
  }

  /**
   * Gives lease {@code id} (-1: whichever) back if no thread holds the lock; else makes its
   * release give it back, and tells the state so; or, {@code leaving} (this JVM ends normally),
   * tells the state that it keeps the lock locked, and lets a later release here ask the state.
   */
  private synchronized void recallNow(long id, boolean leaving) {
    if (!leased || (id != -1 && id != lease)) {
      return;
    }
    while (true) {
      int f = fast.get();
      if (f == FREE && fast.compareAndSet(FREE, SLOW)) {
        end(true, false);
        slot.release();
        return;
      }
      if (f == SLOW && !held) {
        end(true, false); // a waiting thread has the permit next, and asks the state
        return;
      }
      if (f == WANTED || (f == SLOW && held) || (f == HELD && fast.compareAndSet(HELD, WANTED))) {
        if (leaving) {
          fast.set(SLOW);
          held = false;
          long left = lease;
          lease = 0;
          leased = false;
          recalled = false;
          SyncInbox.unlease(left);
          leaseEnds();
          state.tell(new LockState.Leave(left));
        } else if (id != -1) {
          state.tell(new LockState.Busy(lease));
        }
        return;
      }
    }
  }

  /**
   * The lock's JVM is gone, and the lease with it: no thread of this JVM takes the lock again
   * without asking the state (which fails with {@link io.multiproc.OwnerGoneError}); a thread
   * holding it still releases it here.
   */
  private synchronized void ownerGone() {
    if (!leased) {
      return;
    }
    long id = lease;
    lease = 0;
    leased = false;
    recalled = false;
    revoked = false;
    SyncInbox.unlease(id);
    leaseEnds();
    while (true) {
      int f = fast.get();
      if (f == FREE && fast.compareAndSet(FREE, SLOW)) {
        slot.release(); // the fast regime's permit: a waiting thread asks the state, and fails
        return;
      }
      if (f == SLOW || f == WANTED || (f == HELD && fast.compareAndSet(HELD, WANTED))) {
        return; // the holder's release frees the slot
      }
    }
  }

  /** The lease goes back to the state: as a Return, or as the answer to a Revoke. */
  private void end(boolean wasHeld, boolean asRevoked) {
    long id = lease;
    lease = 0;
    leased = false;
    held = false;
    recalled = false;
    revoked = false;
    SyncInbox.unlease(id);
    leaseEnds();
    state.tell(asRevoked ? new LockState.Revoked(id, wasHeld) : new LockState.Return(id));
  }
}
