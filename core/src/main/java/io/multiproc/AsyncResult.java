package io.multiproc;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;

/**
 * The result of a task given to a {@link Pool} without waiting ({@code applyAsync},
 * {@code mapAsync}, {@code starmapAsync}), as CPython's {@code AsyncResult}.
 *
 * <p>{@link #get()} returns the result or raises what the task raised, with its own type (a
 * checked exception too, undeclared: catch {@code Exception} for those); its cause, or a
 * suppressed exception where it had a cause already, is a {@link RemoteError} with the worker's
 * stack trace. A task whose worker ended first raises {@link WorkerLostError}.
 *
 * @param <R> the type of the result
 */
public final class AsyncResult<R> {
  private final CompletableFuture<R> future;
  private final IntSupplier done;
  private final int total;

  AsyncResult(CompletableFuture<R> future, IntSupplier done, int total) {
    this.future = future;
    this.done = done;
    this.total = total;
  }

  /** Waits for the result and returns it, or raises what the task raised. */
  public R get() {
    return get(null);
  }

  /**
   * Waits at most {@code timeout} (null: as long as it takes) for the result.
   *
   * @throws TimeoutError when the result did not come in time; the task goes on
   */
  public R get(Duration timeout) {
    try {
      return timeout == null ? future.get()
          : future.get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new TimeoutError("the result did not come within " + timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProcessError("interrupted while waiting for a pool's result", e);
    } catch (ExecutionException e) {
      throw AsyncResult.<RuntimeException>raise(e.getCause());
    }
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T raise(Throwable t) throws T {
    throw (T) t;
  }

  /** Waits until the result is ready, without raising what the task raised. */
  public void await() {
    await(null);
  }

  /** Waits at most {@code timeout} (null: as long as it takes) until the result is ready. */
  public boolean await(Duration timeout) {
    try {
      get(timeout);
    } catch (TimeoutError e) {
      return false;
    } catch (ProcessError e) {
      if (!future.isDone()) {
        throw e; // interrupted
      }
    } catch (RuntimeException e) {
      // the task raised: ready all the same
    }
    return true;
  }

  /** Whether the task ended, with a result or an exception. */
  public boolean ready() {
    return future.isDone();
  }

  /**
   * Whether the task ended without an exception.
   *
   * @throws IllegalStateException when it is not ready yet: wait for it first
   */
  public boolean successful() {
    if (!future.isDone()) {
      throw new IllegalStateException("the result is not ready: call await() or get() first");
    }
    return !future.isCompletedExceptionally();
  }

  /** How many of its items are done (1 for {@code applyAsync}), for progress. */
  public int done() {
    return done.getAsInt();
  }

  /** How many items it has. */
  public int total() {
    return total;
  }

  /** The result as a stage, for code that composes asynchronously. */
  public CompletionStage<R> toCompletionStage() {
    return future.minimalCompletionStage();
  }

  @Override
  public String toString() {
    return "<AsyncResult " + (ready() ? successful() ? "ready" : "failed" : "pending") + ">";
  }
}
