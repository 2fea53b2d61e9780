package io.multiproc.internal.pool;

import io.multiproc.ProcessError;
import io.multiproc.RemoteError;
import io.multiproc.WorkerLostError;
import io.multiproc.internal.wire.Reducer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * INTERNAL API. The pool's chunks in flight, each the part of a {@link Job}: the router's
 * {@link PoolState.Sink}, which decodes what a chunk gave and hands it to its job, on the pool's
 * event thread.
 */
public final class Jobs implements PoolState.Sink {
  private static final AtomicLong IDS = new AtomicLong();

  /** A call of the pool's API that waits for chunks: told of each, on the pool's event thread. */
  public abstract static class Job {
    /** Chunk {@code index} of this job ran and gave {@code values}, one per item. */
    protected abstract void chunk(int index, List<Object> values);

    /** Chunk {@code index} of this job raised {@code error}, or was lost with its worker. */
    protected abstract void failed(int index, Throwable error);
  }

  private record Part(Job job, int index) {}

  private final Map<Long, Part> parts = new ConcurrentHashMap<>();
  private final Consumer<Throwable> initFailed;

  /** Jobs whose pool learns through {@code initFailed} that its workers cannot start. */
  public Jobs(Consumer<Throwable> initFailed) {
    this.initFailed = initFailed;
  }

  /** A new id, for a chunk or a function. */
  public static long nextId() {
    return IDS.incrementAndGet();
  }

  /** Registers chunk {@code index} of {@code job}; its id, for the router. */
  public long add(Job job, int index) {
    long id = nextId();
    parts.put(id, new Part(job, index));
    return id;
  }

  /** How many chunks are in flight. */
  public int inFlight() {
    return parts.size();
  }

  /** Fails every chunk in flight with {@code error}: the pool ended. */
  public void failAll(Throwable error) {
    for (Long id : new ArrayList<>(parts.keySet())) {
      Part p = parts.remove(id);
      if (p != null) {
        p.job().failed(p.index(), error);
      }
    }
  }

  @Override
  public void done(long chunk, byte[] results) {
    Part p = parts.remove(chunk);
    if (p == null) {
      return; // the pool ended meanwhile, and told the job
    }
    List<Object> values;
    try {
      values = Items.decodeResults(results);
    } catch (RuntimeException e) {
      p.job().failed(p.index(), new ProcessError("cannot read a result sent by a worker: " + e, e));
      return;
    }
    p.job().chunk(p.index(), values);
  }

  @Override
  public void failed(long chunk, byte[] failure) {
    Part p = parts.remove(chunk);
    if (p != null) {
      p.job().failed(p.index(), raised(failure));
    }
  }

  @Override
  public void lost(long chunk, String why) {
    Part p = parts.remove(chunk);
    if (p != null) {
      p.job().failed(p.index(), new WorkerLostError(why));
    }
  }

  @Override
  public void initFailed(byte[] failure) {
    initFailed.accept(raised(failure));
  }

  /**
   * The exception a worker raised, with the worker's stack trace as a {@link RemoteError} for
   * cause (or suppressed, when it has a cause of its own); the RemoteError alone when the
   * exception could not be sent.
   */
  static Throwable raised(byte[] failure) {
    PoolWorker.Failure f;
    try {
      f = (PoolWorker.Failure) Reducer.get().loads(failure);
    } catch (RuntimeException e) {
      return new ProcessError("cannot read the exception a worker sent: " + e, e);
    }
    RemoteError remote = new RemoteError(f.type() + (f.message() == null ? "" : ": "
        + f.message()) + ", raised in " + f.worker(), f.trace());
    Throwable t = f.error();
    if (t == null) {
      return remote;
    }
    try {
      t.initCause(remote);
    } catch (IllegalStateException | IllegalArgumentException e) {
      t.addSuppressed(remote);
    }
    return t;
  }
}
