package io.multiproc;

import io.multiproc.internal.process.ProcessAccess;
import io.multiproc.spi.Popen;

/**
 * Opens {@link Process#bootstrap()} to the start methods, and a process's launch and closed state
 * to its parent's {@code Children}, through {@link ProcessAccess}.
 */
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
    p.children().finish();
  }

  @Override
  public Process currentProcess() {
    return Multiprocessing.currentProcess();
  }

  @Override
  public Popen popen(Process p) {
    return p.popen();
  }

  @Override
  public boolean closed(Process p) {
    return p.closed();
  }
}
