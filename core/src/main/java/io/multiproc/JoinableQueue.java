package io.multiproc;

import io.multiproc.internal.queue.QueueProtocol;
import io.multiproc.internal.queue.QueueClient;
import java.time.Duration;

/**
 * A {@link Queue} that also counts unfinished tasks, the twin of CPython's
 * {@code JoinableQueue}: every put adds one, every {@link #taskDone()} removes one, and
 * {@link #join()} waits until none is left.
 *
 * <p>Better than CPython, whose {@code join()} hangs for ever when a consumer dies between its
 * {@code get()} and its {@code task_done()}: an item taken by a process that dies (is killed, or
 * crashes) before marking it done goes back to the head of the queue for a live consumer, and the
 * queue logs it. Processing is therefore at least once: a consumer killed after doing the work
 * but before {@code task_done()} has its item done again by another.
 *
 * @param <T> the type of the items
 */
public class JoinableQueue<T> extends Queue<T> {
  private static final long serialVersionUID = 1L;

  /** An unbounded joinable queue. */
  public JoinableQueue() {
    this(0);
  }

  /** A joinable queue holding at most {@code maxsize} items; 0 or less means unbounded. */
  public JoinableQueue(int maxsize) {
    super(maxsize, true);
  }

  /**
   * Marks one item taken with {@code get} as processed.
   *
   * @throws IllegalStateException when called more times than items were put
   */
  public void taskDone() {
    checkOpen("task_done");
    long id = QueueClient.nextId();
    QueueProtocol.Reply r = client().ask(id,
        (replyTo, jvm) -> new QueueProtocol.TaskDone(id, replyTo, jvm), Duration.ZERO);
    if (r instanceof QueueProtocol.Failed f) {
      throw new IllegalStateException(f.message());
    }
  }

  /** Waits until every item put was marked done with {@link #taskDone()}. */
  public void join() {
    long id = QueueClient.nextId();
    client().ask(id, (replyTo, jvm) -> new QueueProtocol.Join(id, replyTo, jvm), null);
  }
}
