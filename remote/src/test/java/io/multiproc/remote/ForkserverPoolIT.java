package io.multiproc.remote;

import io.multiproc.PoolContract;

/** The pool contract with workers started by "forkserver". */
class ForkserverPoolIT extends PoolContract {
  @Override
  protected String startMethod() {
    return "forkserver";
  }
}
