package io.multiproc.remote;

import io.multiproc.SignalContract;

/** Event, Condition, Barrier, Value and Array with spawned children and lanes off: over Artery. */
class SpawnSignalOverArtery extends SignalContract {
  @Override
  protected String startMethod() {
    return "spawn";
  }
}
