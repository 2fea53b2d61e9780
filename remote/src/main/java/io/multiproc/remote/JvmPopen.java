package io.multiproc.remote;

import io.multiproc.internal.spi.Popen;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * INTERNAL API. A process running in its own JVM. A non-daemon one holds a non-daemon thread until
 * it ends, so the parent JVM stays alive for it, as CPython joins non-daemonic children at exit.
 */
final class JvmPopen implements Popen {
  private final JvmChild child;

  JvmPopen(JvmChild child, boolean daemon, String name) {
    this.child = child;
    if (!daemon) {
      Thread keepAlive = new Thread(() -> child.exit().join(), "multiproc-wait-" + name);
      keepAlive.setDaemon(false);
      keepAlive.start();
    }
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

  @Override
  public void terminate() {
    child.os().destroy(); // SIGTERM
  }

  @Override
  public void kill() {
    child.os().destroyForcibly(); // SIGKILL
  }
}
