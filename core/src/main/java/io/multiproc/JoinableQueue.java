package io.multiproc;

import io.multiproc.internal.queue.QueueActor;
import io.multiproc.internal.queue.QueueClient;
import java.time.Duration;

/**
 * A {@link Queue} that also counts unfinished tasks, the twin of CPython's
 * {@code JoinableQueue}: every put adds one, every {@link #taskDone()} removes one, and
 * {@link #join()} waits until none is left.
 *
 * @param <T> the type of the items
 */
public class JoinableQueue<T> extends Queue<T> {
  private static final long serialVersionUID = 1L;

  /** An unbounded joinable queue. */
  public JoinableQueue() {
    super();
  }

  /** A joinable queue holding at most {@code maxsize} items; 0 or less means unbounded. */
  public JoinableQueue(int maxsize) {
    super(maxsize);
  }

  /**
   * Marks one item taken with {@code get} as processed.
   *
   * @throws IllegalStateException when called more times than items were put
   */
  public void taskDone() {
    checkOpen("task_done");
    long id = QueueClient.nextId();
    QueueActor.Reply r = client().ask(id, (replyTo, jvm) -> new QueueActor.TaskDone(id, replyTo),
        Duration.ZERO);
    if (r instanceof QueueActor.Failed f) {
      throw new IllegalStateException(f.message());
    }
  }

  /** Waits until every item put was marked done with {@link #taskDone()}. */
  public void join() {
    long id = QueueClient.nextId();
    client().ask(id, (replyTo, jvm) -> new QueueActor.Join(id, replyTo, jvm), null);
  }
}
