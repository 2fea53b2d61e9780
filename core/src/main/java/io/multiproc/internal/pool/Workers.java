package io.multiproc.internal.pool;

import io.multiproc.internal.sync.SharedRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * INTERNAL API. A pool's worker processes: starts them, watches each until it ends, tells the
 * router so (its chunk runs again, or is lost), and starts a replacement while the pool wants
 * one, so the pool keeps its size whatever happens to a worker.
 */
public final class Workers {
  private static final Logger LOG = LoggerFactory.getLogger(Workers.class);

  /** A worker process as the pool sees it (the API's {@code Process}, behind this seam). */
  public interface Worker {
    /** The OS pid, or this JVM's for a thread. */
    Long pid();

    /** Waits until it ended. */
    void join(Duration timeout);

    /** Its exit code once ended: 0, 1 for an exception, −N for signal N. */
    Integer exitcode();

    /** Its name, {@code ForkserverPoolWorker-3}. */
    String name();

    /** Asks it to end (SIGTERM). */
    void terminate();

    /** Ends it (SIGKILL). */
    void kill();

    /** Whether it is still running. */
    boolean isAlive();
  }

  /** Starts a worker that runs {@link PoolWorker#run} with {@code spec}, named {@code name}. */
  @FunctionalInterface
  public interface Launcher {
    /** Starts it; returns once it is launched. */
    Worker launch(PoolWorker.Spec spec, String name);
  }

  private final Launcher launcher;
  private final PoolState state;
  private final SharedRef<PoolState.Command> router;
  private final String prefix;
  private final Invoker initializer;
  private final int maxTasks;
  private final BooleanSupplier wanted;
  private final Map<Long, Worker> live = new HashMap<>(); // guarded by this
  private int named; // guarded by this
  private boolean ending; // guarded by this

  /**
   * Workers named {@code prefix}N, launched by {@code launcher} to serve {@code router}; an ended
   * worker is replaced while {@code wanted} says so.
   */
  public Workers(Launcher launcher, PoolState state, SharedRef<PoolState.Command> router,
      String prefix, Invoker initializer, int maxTasks, BooleanSupplier wanted) {
    this.launcher = launcher;
    this.state = state;
    this.router = router;
    this.prefix = prefix;
    this.initializer = initializer;
    this.maxTasks = maxTasks;
    this.wanted = wanted;
  }

  /** Starts {@code n} workers. */
  public void start(int n) {
    for (int i = 0; i < n; i++) {
      launchOne();
    }
  }

  private void launchOne() {
    long id = Jobs.nextId();
    Worker w;
    synchronized (this) {
      if (ending) {
        return;
      }
      w = launcher.launch(new PoolWorker.Spec(router, id, initializer, maxTasks),
          prefix + (++named));
      live.put(id, w);
    }
    Thread keeper = new Thread(() -> watch(id, w), "multiproc-pool-keeper-" + w.name());
    keeper.setDaemon(true);
    keeper.start();
  }

  private void watch(long id, Worker w) {
    w.join(null);
    state.workerEnded(id, describe(w));
    boolean replace;
    synchronized (this) {
      live.remove(id);
      replace = !ending && wanted.getAsBoolean();
      notifyAll();
    }
    if (replace) {
      try {
        launchOne();
      } catch (RuntimeException e) {
        LOG.error("cannot start a worker to replace {}: {}", w.name(), e.toString());
      }
    }
  }

  /** How {@code w} ended, for the task it leaves behind. */
  static String describe(Worker w) {
    Integer code = w.exitcode();
    String how = code == null ? "ended" : code < 0 ? "was ended by signal " + (-code)
        + (code == -9 ? " (killed)" : "") : "exited with code " + code;
    return "the worker " + w.name() + " (pid " + w.pid() + ") running this task " + how
        + " before the task finished";
  }

  /** The pids of the workers running now. */
  public synchronized List<Long> pids() {
    List<Long> pids = new ArrayList<>();
    for (Worker w : live.values()) {
      pids.add(w.pid());
    }
    return pids;
  }

  /** Waits until every worker ended and none will be started again. */
  public synchronized void join() throws InterruptedException {
    while (!live.isEmpty()) {
      wait();
    }
  }

  /**
   * Starts no more workers; asks each one to end, kills it after {@code grace}, and waits as long
   * again for it to be gone.
   */
  public void terminate(Duration grace) throws InterruptedException {
    List<Worker> all;
    synchronized (this) {
      ending = true;
      all = new ArrayList<>(live.values());
    }
    for (Worker w : all) {
      w.terminate();
    }
    if (awaitEnded(grace)) {
      return;
    }
    synchronized (this) {
      all = new ArrayList<>(live.values());
    }
    for (Worker w : all) {
      w.kill();
    }
    if (!awaitEnded(grace)) { // only a thread can outlive a kill: it ignores its interrupt
      LOG.warn("{} workers did not end after a kill: {}", all.size(), pids());
    }
  }

  private synchronized boolean awaitEnded(Duration grace) throws InterruptedException {
    long deadline = System.nanoTime() + grace.toNanos();
    while (!live.isEmpty() && System.nanoTime() < deadline) {
      wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
    }
    return live.isEmpty();
  }

  /** Starts no more workers (the pool is closed and has no work left). */
  public synchronized void stopReplacing() {
    ending = true;
  }
}
