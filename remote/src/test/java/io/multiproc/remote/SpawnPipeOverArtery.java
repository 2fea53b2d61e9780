package io.multiproc.remote;

import io.multiproc.PipeContract;

/** The pipe contract with spawned children and lanes off: every request over Artery. */
class SpawnPipeOverArtery extends PipeContract {
  @Override
  protected String startMethod() {
    return "spawn";
  }
}
