package io.multiproc.remote;

import io.multiproc.QueueContract;

/** The queue contract with children started by "forkserver". */
class ForkserverQueueIT extends QueueContract {
  @Override
  protected String startMethod() {
    return "forkserver";
  }
}
