package io.multiproc;

/** The lock and semaphore contract under the "thread" start method. */
class ThreadSyncTest extends SyncContract {
  @Override
  protected String startMethod() {
    return "thread";
  }
}
