package io.multiproc.internal.sync;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * INTERNAL API. What a process owes the synchronisation primitives of other JVMs as it ends
 * normally. CPython's rule: only a process that <em>dies</em> (killed, crashed) gives back what
 * it held, and that is logged; one that ends normally keeps its Lock locked and its semaphore
 * permits taken, as a counter another process may release later. So before its lanes and Artery
 * close, this JVM tells each such state that it leaves normally; the end notice that follows
 * finds nothing to give back. A Lock lease no thread holds is returned, as ever.
 *
 * <p>It also keeps the one thread that gives leases back later ({@link #later}).
 */
public final class SyncObjects {
  /**
   * Gives leases back when their quantum is over, or off the thread that brought their recall:
   * a thread of its own, not the common pool, which a program's parallel streams may keep busy
   * while another process waits for the lock.
   */
  private static final ScheduledExecutorService RETURNS =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "multiproc-lease-returns");
        t.setDaemon(true);
        return t;
      });

  private SyncObjects() {}

  /** Runs {@code task} on the lease-return thread in {@code nanos} nanoseconds (0: now). */
  static void later(long nanos, Runnable task) {
    RETURNS.schedule(task, nanos, TimeUnit.NANOSECONDS);
  }

  /**
   * Tells every permit and lock state of another JVM that this one holds something of that it
   * ends normally, returns the leases no thread holds, and waits until the lock lanes carried
   * that. Called on a process's normal exit.
   */
  public static void leaveAll() {
    Permits.leaveAll();
    LeasedLock.leaveAll();
  }
}
