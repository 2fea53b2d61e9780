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

  private static final Object LIVE_LOCK = new Object();
  private static int liveNonDaemons;

  JvmPopen(JvmChild child, boolean daemon) {
    this.child = child;
    if (!daemon) {
      keepJvmAliveUntil(child.exit());
    }
  }

  /**
   * One non-daemon thread lives while any non-daemon child runs, so that this JVM does not exit
   * under them; a thread per child would cost every start a thread creation.
   */
  private static void keepJvmAliveUntil(java.util.concurrent.CompletableFuture<Integer> exit) {
    synchronized (LIVE_LOCK) {
      if (liveNonDaemons++ == 0) {
        Thread keepAlive = new Thread(JvmPopen::awaitNoLiveChildren, "multiproc-children");
        keepAlive.setDaemon(false);
        keepAlive.start();
      }
    }
    exit.whenComplete((code, failure) -> {
      synchronized (LIVE_LOCK) {
        liveNonDaemons--;
        LIVE_LOCK.notifyAll();
      }
    });
  }

  private static void awaitNoLiveChildren() {
    synchronized (LIVE_LOCK) {
      while (liveNonDaemons > 0) {
        try {
          LIVE_LOCK.wait();
        } catch (InterruptedException e) {
          return;
        }
      }
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
