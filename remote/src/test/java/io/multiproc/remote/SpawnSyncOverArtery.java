package io.multiproc.remote;

import io.multiproc.SyncContract;

/** Locks and semaphores with spawned children and lanes off: every request over Artery. */
class SpawnSyncOverArtery extends SyncContract {
  @Override
  protected String startMethod() {
    return "spawn";
  }
}
