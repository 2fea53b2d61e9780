package io.multiproc.remote;

import io.multiproc.SignalContract;

/** The event, condition, barrier and value contract with children started by "forkserver". */
class ForkserverSignalIT extends SignalContract {
  @Override
  protected String startMethod() {
    return "forkserver";
  }
}
