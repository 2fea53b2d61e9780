package io.multiproc;

import io.multiproc.internal.process.ProcessAccess;

/** Opens {@link Process#bootstrap()} to the start methods through {@link ProcessAccess}. */
final class ProcessHooks implements ProcessAccess.Hooks {
  private ProcessHooks() {}

  static void install() {
    ProcessAccess.install(new ProcessHooks());
  }

  @Override
  public int bootstrap(Process p) {
    return p.bootstrap();
  }

  @Override
  public void finishChildren(Process p) {
    p.finishChildren();
  }

  @Override
  public Process currentProcess() {
    return Multiprocessing.currentProcess();
  }
}
