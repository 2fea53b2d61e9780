package io.multiproc.remote;

import io.multiproc.internal.ProcessRuntime;
import io.multiproc.internal.spi.LaunchRequest;
import io.multiproc.internal.spi.Popen;
import io.multiproc.internal.spi.StartMethod;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * INTERNAL API. The "forkserver" start method, the default. The JVM has no fork, so instead of
 * forking a warm server this method keeps a few spare JVMs booted ahead of time, their ActorSystem
 * up and their authkey proven; {@code start()} hands one the process and warms a replacement in
 * the background. When no spare is ready, a start launches a JVM as spawn does.
 *
 * <p>Spares are warmed from the first start on, not before, so a program that never starts a
 * process never pays for them. They end when this JVM ends (their standard input closes).
 */
public final class ForkserverStartMethod implements StartMethod {
  private static final ExecutorService REFILLER = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "multiproc-forkserver-refill");
    t.setDaemon(true);
    return t;
  });
  private static final long REFILL_DELAY_MS = 250;
  private final Deque<JvmChild> spares = new ArrayDeque<>();
  private volatile boolean shutdown;

  @Override
  public String name() {
    return "forkserver";
  }

  @Override
  public int preference() {
    return 2;
  }

  @Override
  public Popen launch(LaunchRequest request) {
    JvmChild child = take();
    child.assign(request.payload());
    // A booting JVM takes a core for most of a second. Booting the replacement while the process
    // just handed over runs would slow that process on a small machine, so the replacement starts
    // when it ends, or after a short delay for a process that runs longer.
    CompletableFuture.anyOf(child.exit(), CompletableFuture.runAsync(() -> { },
            CompletableFuture.delayedExecutor(REFILL_DELAY_MS, TimeUnit.MILLISECONDS)))
        .thenRunAsync(this::refill, REFILLER);
    return new JvmPopen(child);
  }

  /** Boots spares up to the configured number; completes when all of them have registered. */
  @Override
  public CompletableFuture<Void> warmUp() {
    refill();
    synchronized (spares) {
      return CompletableFuture.allOf(
          spares.stream().map(JvmChild::registered).toArray(CompletableFuture[]::new));
    }
  }

  /**
   * A ready spare, or else a fresh JVM launched as spawn does (which boots faster than a spare
   * still starting its ActorSystem would become ready); spares still booting stay for later.
   */
  private JvmChild take() {
    synchronized (spares) {
      for (JvmChild c : spares) {
        if (c.registered().isDone() && !c.exit().isDone()) {
          spares.remove(c);
          return c;
        }
      }
    }
    return JvmLauncher.shared().launch(false);
  }

  private void refill() {
    int want = ProcessRuntime.settings().forkserverSpares();
    synchronized (spares) {
      spares.removeIf(c -> c.exit().isDone());
      while (!shutdown && spares.size() < want) {
        spares.addLast(JvmLauncher.shared().launch(true));
      }
    }
  }

  @Override
  public void shutdown() {
    synchronized (spares) {
      shutdown = true;
      for (JvmChild c : spares) {
        c.os().destroyForcibly();
      }
      spares.clear();
    }
  }
}
