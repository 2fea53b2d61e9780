package io.multiproc.remote;

import io.multiproc.ProcessContract;

/** The process contract under "forkserver": pre-warmed JVMs. */
class ForkserverProcessIT extends ProcessContract {
  @Override
  protected String startMethod() {
    return "forkserver";
  }
}
