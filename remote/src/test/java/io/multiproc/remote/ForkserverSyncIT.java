package io.multiproc.remote;

import io.multiproc.SyncContract;

/** The lock and semaphore contract with children started by "forkserver". */
class ForkserverSyncIT extends SyncContract {
  @Override
  protected String startMethod() {
    return "forkserver";
  }
}
