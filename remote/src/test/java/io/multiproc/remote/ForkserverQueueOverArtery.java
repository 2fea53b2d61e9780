package io.multiproc.remote;

import io.multiproc.QueueContract;

/** The queue contract with forkserver children and lanes off: every request over Artery. */
class ForkserverQueueOverArtery extends QueueContract {
  @Override
  protected String startMethod() {
    return "forkserver";
  }
}
