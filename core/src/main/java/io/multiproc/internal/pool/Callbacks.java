package io.multiproc.internal.pool;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * INTERNAL API. A pool's callbacks: each runs where its result completes, the pool's event thread,
 * so all of them run on one thread in the order the tasks finished. One that raises is logged
 * and counted, and the pool goes on.
 */
public final class Callbacks {
  private static final Logger LOG = LoggerFactory.getLogger(Callbacks.class);
  private final AtomicLong errors = new AtomicLong();

  /**
   * Calls {@code callback} with {@code result}'s value, or {@code errorCallback} with what it
   * raised (either may be null). Attached before anything is sent, so it runs on the event thread.
   */
  public <R> void attach(CompletableFuture<R> result, Consumer<? super R> callback,
      Consumer<? super Throwable> errorCallback) {
    if (callback == null && errorCallback == null) {
      return;
    }
    result.whenComplete((r, e) -> {
      try {
        if (e == null && callback != null) {
          callback.accept(r);
        } else if (e != null && errorCallback != null) {
          errorCallback.accept(e instanceof CompletionException && e.getCause() != null
              ? e.getCause() : e);
        }
      } catch (RuntimeException | Error t) {
        errors.incrementAndGet();
        LOG.error("a pool callback raised; the pool goes on", t);
      }
    });
  }

  /** How many callbacks raised. */
  public long errors() {
    return errors.get();
  }
}
