package io.multiproc.remote;

import io.multiproc.PipeContract;

/** The pipe contract with children started by "forkserver". */
class ForkserverPipeIT extends PipeContract {
  @Override
  protected String startMethod() {
    return "forkserver";
  }
}
