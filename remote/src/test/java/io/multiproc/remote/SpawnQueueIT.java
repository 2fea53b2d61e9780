package io.multiproc.remote;

import io.multiproc.QueueContract;

/** The queue contract with children started by "spawn". */
class SpawnQueueIT extends QueueContract {
  @Override
  protected String startMethod() {
    return "spawn";
  }
}
