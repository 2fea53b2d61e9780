package io.multiproc.remote;

import io.multiproc.ProcessContract;

/** The process contract under "spawn": a fresh JVM per process. */
class SpawnProcessIT extends ProcessContract {
  @Override
  protected String startMethod() {
    return "spawn";
  }
}
