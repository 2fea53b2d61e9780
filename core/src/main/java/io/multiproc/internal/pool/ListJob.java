package io.multiproc.internal.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * INTERNAL API. A job whose caller waits for every result at once ({@code apply}, {@code map},
 * {@code starmap} and their async twins): complete when its last chunk is in, with the results
 * in the order of the items, or with the error of its first failing chunk once every chunk is in
 * (as CPython's {@code map}, which raises only after the whole job ran).
 */
public final class ListJob extends Jobs.Job {
  private final CompletableFuture<List<Object>> future = new CompletableFuture<>();
  private final Object[][] results;
  private final int total;
  // guarded by this
  private int chunksLeft;
  private int itemsDone;
  private Throwable error;
  private int errorAt = Integer.MAX_VALUE;

  /** A job of {@code chunks} chunks holding {@code items} items in all. */
  public ListJob(int chunks, int items) {
    this.results = new Object[chunks][];
    this.total = items;
    this.chunksLeft = chunks;
    if (chunks == 0) {
      future.complete(List.of());
    }
  }

  /** Completes with the results in item order, or the first failing chunk's error. */
  public CompletableFuture<List<Object>> future() {
    return future;
  }

  /** How many items are done, raised or not. */
  public synchronized int done() {
    return itemsDone;
  }

  /** How many items the job has. */
  public int total() {
    return total;
  }

  @Override
  protected synchronized void chunk(int index, List<Object> values) {
    results[index] = values.toArray();
    itemsDone += values.size();
    ended();
  }

  @Override
  protected synchronized void failed(int index, Throwable t) {
    if (index < errorAt) {
      error = t;
      errorAt = index;
    }
    results[index] = new Object[0];
    ended();
  }

  private void ended() {
    if (--chunksLeft > 0) {
      return;
    }
    if (error != null) {
      itemsDone = total;
      future.completeExceptionally(error);
      return;
    }
    List<Object> all = new ArrayList<>(total);
    for (Object[] chunk : results) {
      for (Object v : chunk) {
        all.add(v);
      }
    }
    future.complete(all);
  }
}
