package io.multiproc;

import io.multiproc.internal.pool.PoolWorker;
import io.multiproc.internal.pool.Workers;
import java.time.Duration;

/** A pool's worker as a daemon {@link Process} of the pool's context, behind the pool's seam. */
final class PoolProcess implements Workers.Worker {
  private final Process p;

  private PoolProcess(Process p) {
    this.p = p;
  }

  /** Starts a worker of {@code ctx} named {@code name} that runs {@code spec}. */
  static Workers.Worker launch(Context ctx, PoolWorker.Spec spec, String name) {
    Process p = ctx.process(PoolWorker::run, spec);
    p.setName(name);
    p.setDaemon(true);
    p.start();
    return new PoolProcess(p);
  }

  @Override
  public Long pid() {
    return p.pid();
  }

  @Override
  public void join(Duration timeout) {
    p.join(timeout);
  }

  @Override
  public Integer exitcode() {
    return p.exitcode();
  }

  @Override
  public String name() {
    return p.name();
  }

  @Override
  public void terminate() {
    p.terminate();
  }

  @Override
  public void kill() {
    p.kill();
  }

  @Override
  public boolean isAlive() {
    return p.isAlive();
  }
}
