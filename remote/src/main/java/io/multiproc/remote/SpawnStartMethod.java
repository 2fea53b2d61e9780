package io.multiproc.remote;

import io.multiproc.spi.LaunchRequest;
import io.multiproc.spi.Popen;
import io.multiproc.spi.StartMethod;

/**
 * INTERNAL API. The "spawn" start method: a fresh JVM for each process, as CPython's spawn starts a
 * fresh interpreter. The slowest to start, the simplest; a class-data archive cuts the cost.
 */
public final class SpawnStartMethod implements StartMethod {

  @Override
  public String name() {
    return "spawn";
  }

  @Override
  public int preference() {
    return 1;
  }

  @Override
  public Popen launch(LaunchRequest request) {
    JvmChild child = JvmLauncher.shared().launch(false);
    child.assign(request.payload());
    return new JvmPopen(child);
  }
}
