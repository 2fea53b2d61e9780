package io.multiproc;

import io.multiproc.internal.pool.Callbacks;
import io.multiproc.internal.pool.Invoker;
import io.multiproc.internal.pool.Jobs;
import io.multiproc.internal.pool.ListJob;
import io.multiproc.internal.pool.PoolState;
import io.multiproc.internal.pool.StreamJob;
import io.multiproc.internal.pool.Submissions;
import io.multiproc.internal.pool.Workers;
import io.multiproc.internal.sync.SharedRef;
import io.multiproc.internal.transport.Receivers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pool of worker processes that run tasks, as CPython's {@code multiprocessing.Pool}: a router
 * in this JVM hands chunks of work to whichever worker asks next, so no task waits behind a slow
 * one while a worker is idle.
 *
 * <p>Unlike CPython's, a worker that dies is replaced and only the task it ran fails, with
 * {@link WorkerLostError} (or runs again, with {@link PoolBuilder#retries}); nothing hangs.
 * Callbacks run in this JVM, on one thread, in the order the tasks finished.
 *
 * <p>{@link #close()} keeps CPython's meaning: no more tasks, and each worker ends once the
 * work given is done. So a try-with-resources block ends with {@code close()}: what was
 * submitted still runs, then the workers end, and none outlives this JVM (they are daemons).
 * For CPython's {@code with}, which drops what is pending, call {@link #terminate()}.
 */
public class Pool implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Pool.class);
  private static final Duration TERMINATE_GRACE = Duration.ofSeconds(5);
  private static final int READ_AHEAD_PER_WORKER = 4;
  private static final Duration READY_PATIENCE = Duration.ofSeconds(60);

  private enum Phase { RUN, CLOSE, TERMINATE }

  private final int processes;
  private final ExecutorService events;
  private final Jobs jobs;
  private final PoolState state;
  private final String path;
  private final Workers workers;
  private final Submissions submissions;
  private final Callbacks callbacks = new Callbacks();
  private volatile Phase phase = Phase.RUN;
  private volatile Throwable broken;

  /** A pool of {@link Multiprocessing#cpuCount()} workers, of the default context. */
  public Pool() {
    this(builder());
  }

  /**
   * A pool of {@code processes} workers, of the default context.
   *
   * @throws IllegalArgumentException when {@code processes} is less than 1
   */
  public Pool(int processes) {
    this(builder().processes(processes));
  }

  /** A builder for a pool with an initializer, a task limit per worker, a context, retries. */
  public static PoolBuilder builder() {
    return new PoolBuilder();
  }

  Pool(PoolBuilder b) {
    Context ctx = b.context() != null ? b.context() : Multiprocessing.getContext();
    this.processes = b.processes();
    this.events = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "multiproc-pool-events");
      t.setDaemon(true);
      return t;
    });
    this.jobs = new Jobs(this::initFailed);
    this.state = new PoolState(events, jobs, b.retries());
    this.submissions = new Submissions(state, jobs);
    this.path = state.publish("pool");
    SharedRef<PoolState.Command> router = SharedRef.ofState(path, "pool");
    this.workers = new Workers((spec, name) -> PoolProcess.launch(ctx, spec, name), state, router,
        prefix(ctx.getStartMethod()), b.initializer(), b.maxTasksPerChild(), this::wantsWorkers);
    try {
      workers.start(processes);
    } catch (RuntimeException e) {
      terminate(); // the workers started already end: none outlives a pool that failed to start
      throw e;
    }
    awaitWorkers(processes);
  }

  private static String prefix(String method) {
    String m = method.equals("forkserver") ? "ForkServer" : method.isEmpty() ? method
        : Character.toUpperCase(method.charAt(0)) + method.substring(1);
    return m + "PoolWorker-";
  }

  /** As CPython's forked workers are, each worker is ready when the constructor returns. */
  private void awaitWorkers(int n) {
    try {
      if (!state.awaitWorkers(n, READY_PATIENCE)) {
        LOG.warn("the pool's {} workers were not all ready after {}; it goes on with those that"
            + " are", n, READY_PATIENCE);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      terminate();
      throw new ProcessError("interrupted while the pool's workers started", e);
    }
  }

  private boolean wantsWorkers() {
    return broken == null && !state.broken() && (phase == Phase.RUN
        || (phase == Phase.CLOSE && (jobs.inFlight() > 0 || submissions.feeding())));
  }

  /** Runs {@code fn} in a worker and returns its result (CPython's {@code apply}). */
  public <R> R apply(Task<R> fn) {
    return applyAsync(fn).get();
  }

  /** Runs {@code fn(a)} in a worker and returns its result. */
  public <A, R> R apply(Task.With1<A, R> fn, A a) {
    return applyAsync(fn, a).get();
  }

  /** Runs {@code fn(a, b)} in a worker and returns its result. */
  public <A, B, R> R apply(Task.With2<A, B, R> fn, A a, B b) {
    return applyAsync(fn, a, b).get();
  }

  /** Runs {@code fn(a, b, c)} in a worker and returns its result. */
  public <A, B, C, R> R apply(Task.With3<A, B, C, R> fn, A a, B b, C c) {
    return this.<R>single(fn, Invokers.of(fn), new Object[] {a, b, c}, null, null).get();
  }

  /** Runs {@code fn} in a worker; its result comes later (CPython's {@code apply_async}). */
  public <R> AsyncResult<R> applyAsync(Task<R> fn) {
    return applyAsync(fn, null, null);
  }

  /**
   * Runs {@code fn} in a worker; {@code callback} gets its result, or {@code errorCallback} what
   * it raised (either may be null), in this JVM, on the pool's event thread.
   */
  public <R> AsyncResult<R> applyAsync(Task<R> fn, Consumer<? super R> callback,
      Consumer<? super Throwable> errorCallback) {
    return single(fn, Invokers.of(fn), new Object[0], callback, errorCallback);
  }

  /** Runs {@code fn(a)} in a worker; its result comes later. */
  public <A, R> AsyncResult<R> applyAsync(Task.With1<A, R> fn, A a) {
    return applyAsync(fn, a, null, null);
  }

  /** Runs {@code fn(a)} in a worker, with callbacks as {@link #applyAsync(Task, Consumer,
   * Consumer)}. */
  public <A, R> AsyncResult<R> applyAsync(Task.With1<A, R> fn, A a, Consumer<? super R> callback,
      Consumer<? super Throwable> errorCallback) {
    return single(fn, Invokers.of(fn), new Object[] {a}, callback, errorCallback);
  }

  /** Runs {@code fn(a, b)} in a worker; its result comes later. */
  public <A, B, R> AsyncResult<R> applyAsync(Task.With2<A, B, R> fn, A a, B b) {
    return applyAsync(fn, a, b, null, null);
  }

  /** Runs {@code fn(a, b)} in a worker, with callbacks as {@link #applyAsync(Task, Consumer,
   * Consumer)}. */
  public <A, B, R> AsyncResult<R> applyAsync(Task.With2<A, B, R> fn, A a, B b,
      Consumer<? super R> callback, Consumer<? super Throwable> errorCallback) {
    return single(fn, Invokers.of(fn), new Object[] {a, b}, callback, errorCallback);
  }

  /** Applies {@code fn} to every item in the workers; the results in the items' order. */
  public <A, R> List<R> map(Task.With1<A, R> fn, Iterable<A> items) {
    return mapAsync(fn, items).get();
  }

  /** As {@link #map(Task.With1, Iterable)}, the items sent in chunks of {@code chunksize}. */
  public <A, R> List<R> map(Task.With1<A, R> fn, Iterable<A> items, int chunksize) {
    return mapAsync(fn, items, chunksize, null, null).get();
  }

  /** As {@link #map(Task.With1, Iterable)}, without waiting. */
  public <A, R> AsyncResult<List<R>> mapAsync(Task.With1<A, R> fn, Iterable<A> items) {
    return mapAsync(fn, items, 0, null, null);
  }

  /**
   * As {@link #map(Task.With1, Iterable, int)}, without waiting; {@code callback} gets the list,
   * {@code errorCallback} the first exception (either may be null). A {@code chunksize} of 0
   * takes CPython's default: the items split in about four chunks per worker.
   */
  @SuppressWarnings("unchecked")
  public <A, R> AsyncResult<List<R>> mapAsync(Task.With1<A, R> fn, Iterable<A> items,
      int chunksize, Consumer<? super List<R>> callback,
      Consumer<? super Throwable> errorCallback) {
    List<Object> args = new ArrayList<>();
    for (A item : items) {
      args.add(item);
    }
    return many(fn, Invokers.of(fn), args, 1, chunksize, callback, errorCallback);
  }

  /** Calls {@code fn} with each list of arguments, spread (CPython's {@code starmap}). */
  public <A, B, R> List<R> starmap(Task.With2<A, B, R> fn, Iterable<? extends List<?>> argLists) {
    return starmapAsync(fn, argLists, 0).get();
  }

  /** As {@link #starmap(Task.With2, Iterable)}, without waiting, in chunks of {@code chunksize}. */
  @SuppressWarnings("unchecked")
  public <A, B, R> AsyncResult<List<R>> starmapAsync(Task.With2<A, B, R> fn,
      Iterable<? extends List<?>> argLists, int chunksize) {
    return many(fn, Invokers.of(fn), Invokers.spread(argLists, 2), 2, chunksize, null, null);
  }

  /** Calls {@code fn} with each list of three arguments, spread. */
  @SuppressWarnings("unchecked")
  public <A, B, C, R> List<R> starmap(Task.With3<A, B, C, R> fn,
      Iterable<? extends List<?>> argLists) {
    return this.<R>many(fn, Invokers.of(fn), Invokers.spread(argLists, 3), 3, 0, null, null).get();
  }

  /**
   * Applies {@code fn} to the items lazily, one item per chunk; the results in the items' order
   * as they come. The items are read ahead by a bounded amount, so the iterable may be endless.
   */
  public <A, R> IMapIterator<R> imap(Task.With1<A, R> fn, Iterable<A> items) {
    return imap(fn, items, 1);
  }

  /** As {@link #imap(Task.With1, Iterable)}, in chunks of {@code chunksize}. */
  public <A, R> IMapIterator<R> imap(Task.With1<A, R> fn, Iterable<A> items, int chunksize) {
    return stream(true, fn, items, chunksize);
  }

  /** As {@link #imap(Task.With1, Iterable)}, the results in the order they finished. */
  public <A, R> IMapIterator<R> imapUnordered(Task.With1<A, R> fn, Iterable<A> items) {
    return imapUnordered(fn, items, 1);
  }

  /** As {@link #imapUnordered(Task.With1, Iterable)}, in chunks of {@code chunksize}. */
  public <A, R> IMapIterator<R> imapUnordered(Task.With1<A, R> fn, Iterable<A> items,
      int chunksize) {
    return stream(false, fn, items, chunksize);
  }

  @SuppressWarnings("unchecked")
  private <R> AsyncResult<R> single(Object task, Invoker fn, Object[] args,
      Consumer<? super R> callback, Consumer<? super Throwable> errorCallback) {
    ListJob job = new ListJob(1, 1);
    CompletableFuture<R> result = job.future().thenApply(l -> (R) l.get(0));
    callbacks.attach(result, callback, errorCallback);
    submit(job, task, fn, Collections.singletonList(args.length == 1 ? args[0] : args),
        args.length, 1);
    return new AsyncResult<>(result, job::done, 1);
  }

  @SuppressWarnings("unchecked")
  private <R> AsyncResult<List<R>> many(Object task, Invoker fn, List<?> args, int arity,
      int chunksize,
      Consumer<? super List<R>> callback, Consumer<? super Throwable> errorCallback) {
    checkRunning();
    int size = chunksize > 0 ? chunksize : defaultChunksize(args.size());
    ListJob job = new ListJob((args.size() + size - 1) / size, args.size());
    CompletableFuture<List<R>> result = job.future().thenApply(l -> (List<R>) (List<?>) l);
    callbacks.attach(result, callback, errorCallback);
    submit(job, task, fn, args, arity, size);
    return new AsyncResult<>(result, job::done, args.size());
  }

  private int defaultChunksize(int items) {
    int per = processes * 4;
    return Math.max(1, items / per + (items % per == 0 ? 0 : 1));
  }

  private void submit(Jobs.Job job, Object task, Invoker fn, List<?> args, int arity,
      int chunksize) {
    checkRunning();
    try {
      submissions.submit(job, task, fn, args, arity, chunksize);
    } catch (IllegalStateException e) {
      checkRunning(); // it broke or was terminated meanwhile: say which
      throw e;
    }
  }

  @SuppressWarnings("unchecked")
  private <A, R> IMapIterator<R> stream(boolean ordered, Task.With1<A, R> fn, Iterable<A> items,
      int chunksize) {
    if (chunksize < 1) {
      throw new IllegalArgumentException("chunksize must be at least 1, not " + chunksize);
    }
    checkRunning();
    StreamJob job = new StreamJob(ordered, processes * READ_AHEAD_PER_WORKER);
    submissions.stream(job, fn, Invokers.of(fn), items.iterator(), chunksize);
    return new IMapIterator<>(job);
  }

  private void checkRunning() {
    Throwable b = broken;
    if (b != null) {
      throw new BrokenProcessPool("the pool cannot run tasks: a worker's initializer raised "
          + b, b);
    }
    if (phase != Phase.RUN) {
      throw new IllegalStateException("the pool is " + (phase == Phase.CLOSE ? "closed"
          : "terminated") + ": it takes no more tasks; make a new Pool");
    }
  }

  private void initFailed(Throwable t) {
    broken = t;
    state.stop();
    BrokenProcessPool error = new BrokenProcessPool("the pool cannot run tasks: a worker's"
        + " initializer raised " + t, t);
    jobs.failAll(error);
    submissions.cancelAll(error);
  }

  /** How many callbacks raised (each is logged; the pool goes on). */
  public long callbackErrors() {
    return callbacks.errors();
  }

  /** The pids of the workers running now (for monitoring; a replaced worker has a new one). */
  public List<Long> pids() {
    return workers.pids();
  }

  /** Takes no more tasks; each worker ends once the work given is done (CPython's close). */
  @Override
  public void close() {
    if (phase == Phase.RUN) {
      phase = Phase.CLOSE;
      state.close();
    }
  }

  /**
   * Ends every worker now (a SIGTERM, then a kill after 5 s) and fails every task not finished
   * with {@link BrokenProcessPool}: nothing waits for ever, unlike CPython's.
   */
  public void terminate() {
    if (phase == Phase.TERMINATE) {
      return;
    }
    phase = Phase.TERMINATE;
    state.stop();
    BrokenProcessPool error = new BrokenProcessPool("the pool was terminated before this task"
        + " finished");
    submissions.cancelAll(error);
    try {
      workers.terminate(TERMINATE_GRACE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      events.execute(() -> jobs.failAll(error)); // after what the workers sent before they ended
    } catch (java.util.concurrent.RejectedExecutionException e) {
      jobs.failAll(error); // joined already: nothing more comes
    }
    ended();
  }

  /**
   * Waits until every worker ended.
   *
   * @throws IllegalStateException before {@link #close()} or {@link #terminate()}
   */
  public void join() {
    if (phase == Phase.RUN) {
      throw new IllegalStateException("join() waits for the workers to end: call close() or"
          + " terminate() first");
    }
    try {
      workers.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProcessError("interrupted while joining the pool's workers", e);
    }
    ended();
  }

  private void ended() {
    workers.stopReplacing();
    events.shutdown(); // after what is queued: the last results and callbacks
    Receivers.withdraw(path);
  }

  @Override
  public String toString() {
    return "<Pool " + processes + " workers, " + phase.name().toLowerCase() + ">";
  }
}
