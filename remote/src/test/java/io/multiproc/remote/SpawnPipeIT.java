package io.multiproc.remote;

import io.multiproc.PipeContract;

/** The pipe contract with children started by "spawn". */
class SpawnPipeIT extends PipeContract {
  @Override
  protected String startMethod() {
    return "spawn";
  }
}
