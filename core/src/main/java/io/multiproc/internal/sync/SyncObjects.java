package io.multiproc.internal.sync;

/**
 * INTERNAL API. What a process owes the synchronisation primitives of other JVMs as it ends
 * normally. CPython's rule: only a process that <em>dies</em> (killed, crashed) gives back what
 * it held, and that is logged; one that ends normally keeps its Lock locked and its semaphore
 * permits taken, as a counter another process may release later. So before its lanes and Artery
 * close, this JVM tells each such actor that it leaves normally; the death notice that follows
 * finds nothing to give back. A Lock lease no thread holds is returned, as ever.
 */
public final class SyncObjects {
  private SyncObjects() {}

  /**
   * Tells every permit and lock actor of another JVM that this one holds something of that it
   * ends normally, returns the leases no thread holds, and waits until the lock lanes carried
   * that. Called on a process's normal exit.
   */
  public static void leaveAll() {
    Permits.leaveAll();
    LeasedLock.leaveAll();
  }
}
