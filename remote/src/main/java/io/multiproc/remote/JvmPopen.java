package io.multiproc.remote;

import io.multiproc.spi.Popen;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * INTERNAL API. A process running in its own JVM. (The parent JVM stays alive for a non-daemon
 * one through the exit watch of {@code ProcessRuntime}, as CPython joins non-daemonic children at
 * exit.)
 */
final class JvmPopen implements Popen {
  private final JvmChild child;

  JvmPopen(JvmChild child) {
    this.child = child;
  }

  @Override
  public long pid() {
    return child.pid();
  }

  @Override
  public Integer poll() {
    return child.exit().getNow(null);
  }

  @Override
  public Integer waitFor(Duration timeout) throws InterruptedException {
    try {
      return timeout == null
          ? child.exit().get()
          : child.exit().get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return null;
    } catch (ExecutionException e) {
      throw new IllegalStateException("waiting for child " + pid() + " failed", e.getCause());
    }
  }

  // Signals go through the process handle: java.lang.Process.destroy() would also close the
  // child's pipes, so the child would see its parent gone and the parent lose its last output.

  @Override
  public void terminate() {
    child.os().toHandle().destroy(); // SIGTERM
  }

  @Override
  public void kill() {
    child.os().toHandle().destroyForcibly(); // SIGKILL
  }
}
