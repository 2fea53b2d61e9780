package io.multiproc.remote;

import io.multiproc.internal.ProcessRuntime;
import io.multiproc.spi.LaunchRequest;
import io.multiproc.spi.Popen;
import io.multiproc.spi.StartMethod;
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
  /** How long a refill waits at most for the processors to have room. */
  private static final long REFILL_PATIENCE_MS = 5_000;
  /** The share of all processors' time in use above which a spare does not start booting. */
  private static final double BUSY = 0.75;
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
    // when it ends, or once the machine's processors have room (at the latest after a while).
    CompletableFuture.anyOf(child.exit(), roomToBoot(REFILL_DELAY_MS, REFILL_PATIENCE_MS))
        .thenRunAsync(this::refill, REFILLER);
    return new JvmPopen(child);
  }

  /**
   * Completes after {@code delayMs}, once the processors were less than {@value #BUSY} busy since
   * the last look, or after {@code patienceMs} whatever their load.
   */
  private static CompletableFuture<Void> roomToBoot(long delayMs, long patienceMs) {
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    if (!(os instanceof com.sun.management.OperatingSystemMXBean load) || patienceMs <= 0) {
      return CompletableFuture.runAsync(() -> { },
          CompletableFuture.delayedExecutor(delayMs, TimeUnit.MILLISECONDS));
    }
    load.getCpuLoad(); // the first look only starts the measuring
    return CompletableFuture.supplyAsync(load::getCpuLoad,
            CompletableFuture.delayedExecutor(delayMs, TimeUnit.MILLISECONDS))
        .thenCompose(busy -> busy >= 0 && busy < BUSY ? CompletableFuture.completedFuture(null)
            : roomToBoot(delayMs, patienceMs - delayMs));
  }

  /** Boots spares up to the configured number; completes when all of them have registered. */
  @Override
  public CompletableFuture<Void> warmUp() {
    refill();
    synchronized (spares) {
      // a spare that ends meanwhile (it failed to boot) is waited for no more
      return CompletableFuture.allOf(spares.stream()
          .map(c -> CompletableFuture.anyOf(c.registered(), c.exit()))
          .toArray(CompletableFuture[]::new));
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
