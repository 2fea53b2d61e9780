package io.multiproc.remote;

import io.multiproc.SyncContract;

/** The lock and semaphore contract with children started by "spawn". */
class SpawnSyncIT extends SyncContract {
  @Override
  protected String startMethod() {
    return "spawn";
  }
}
