package io.multiproc;

import io.multiproc.internal.pool.StreamJob;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The results of {@link Pool#imap} or {@link Pool#imapUnordered}, as they come: in the order of
 * the items, or in the order they finished. The pool reads the items ahead by a bounded amount,
 * so an endless iterable is fine. A task's exception is raised by the {@code next()} at its place
 * (with its own type, a {@link RemoteError} for cause), and the iteration may go on after it.
 *
 * @param <R> the type of the results
 */
public final class IMapIterator<R> implements Iterator<R> {
  private final StreamJob job;

  IMapIterator(StreamJob job) {
    this.job = job;
  }

  /** Whether another result comes; waits until that is known. */
  @Override
  public boolean hasNext() {
    return job.hasNext(null);
  }

  /** The next result; waits for it. */
  @Override
  public R next() {
    return next(null);
  }

  /**
   * The next result, waiting at most {@code timeout} (null: as long as it takes).
   *
   * @throws TimeoutError when it did not come in time (the iteration may go on)
   * @throws NoSuchElementException when every result was taken
   */
  @SuppressWarnings("unchecked")
  public R next(Duration timeout) {
    return (R) job.next(timeout);
  }

  /** How many items are done so far, for progress. */
  public int done() {
    return job.done();
  }
}
