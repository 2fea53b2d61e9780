package io.multiproc.remote;

import io.multiproc.PoolContract;

/** The pool contract with "forkserver" workers and lanes off: every request over Artery. */
class ForkserverPoolOverArtery extends PoolContract {
  @Override
  protected String startMethod() {
    return "forkserver";
  }
}
