package io.multiproc.internal.pool;

import io.multiproc.ProcessError;
import io.multiproc.TimeoutError;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * INTERNAL API. The job of {@code imap} and {@code imapUnordered}: results as they come, in the
 * order of the items or in the order chunks finished. The input is read ahead by at most
 * {@code window} chunks not yet taken by the caller, so an endless iterable keeps memory flat.
 * A chunk that raised raises at its place, once; the iteration goes on after it. An exception
 * of the input itself is raised as itself, after every result before it.
 */
public final class StreamJob extends Jobs.Job {
  private static final Object END = new Object();
  private static final Object NULL = new Object(); // a null result, in a deque that takes none
  private final boolean ordered;
  private final int window;
  // guarded by this
  private final Map<Integer, Object> arrived = new HashMap<>(); // ordered: by chunk index
  private final ArrayDeque<Object> finished = new ArrayDeque<>(); // unordered: as they came
  private final ArrayDeque<Object> current = new ArrayDeque<>();
  private int submitted;
  private int taken;
  private int itemsDone;
  private boolean inputEnded;
  private RuntimeException inputError;
  private boolean cancelled;

  /**
   * A job that hands out results in item order when {@code ordered}, reading ahead by at most
   * {@code window} chunks.
   */
  public StreamJob(boolean ordered, int window) {
    this.ordered = ordered;
    this.window = Math.max(1, window);
  }

  /** Waits until one more chunk may be read ahead; false once the job was given up. */
  public synchronized boolean reserve() throws InterruptedException {
    while (submitted - taken >= window && !cancelled) {
      wait();
    }
    if (cancelled) {
      return false;
    }
    submitted++;
    return true;
  }

  /** The input ended after what was submitted; {@code error}, when not null, is what it raised. */
  public synchronized void inputEnded(RuntimeException error) {
    inputEnded = true;
    inputError = error;
    notifyAll();
  }

  /** Gives the job up: the reader stops, the caller's next wait ends with {@code why}. */
  public synchronized void cancel(RuntimeException why) {
    cancelled = true;
    if (!inputEnded) {
      inputEnded = true;
      inputError = why;
    }
    notifyAll();
  }

  /** How many items are done. */
  public synchronized int done() {
    return itemsDone;
  }

  @Override
  protected synchronized void chunk(int index, List<Object> values) {
    itemsDone += values.size();
    arrive(index, values);
  }

  @Override
  protected synchronized void failed(int index, Throwable error) {
    arrive(index, error);
  }

  private void arrive(int index, Object what) {
    if (ordered) {
      arrived.put(index, what);
    } else {
      finished.add(what);
    }
    notifyAll();
  }

  /** Whether another result comes; waits until that is known, at most {@code timeout}. */
  public synchronized boolean hasNext(Duration timeout) {
    return fill(timeout) != END;
  }

  /**
   * The next result, waiting at most {@code timeout} (null: as long as it takes).
   *
   * @throws TimeoutError when it did not come in time
   * @throws NoSuchElementException when every result was taken
   */
  public synchronized Object next(Duration timeout) {
    Object next = fill(timeout);
    if (next == END) {
      if (inputError != null) {
        RuntimeException e = inputError;
        inputError = null;
        throw e;
      }
      throw new NoSuchElementException("every result of this imap was taken");
    }
    current.poll();
    if (next instanceof Raised r) {
      throw sneaky(r.error());
    }
    return next == NULL ? null : next;
  }

  private record Raised(Throwable error) {}

  /** The head of what is ready, END when nothing more comes; waits for it. */
  private Object fill(Duration timeout) {
    long deadline = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
    while (current.isEmpty()) {
      Object chunk = ordered ? arrived.remove(taken) : finished.poll();
      if (chunk != null) {
        taken++;
        notifyAll(); // the reader may read ahead once more
        if (chunk instanceof Throwable t) {
          current.add(new Raised(t));
        } else {
          for (Object v : (List<?>) chunk) {
            current.add(v == null ? NULL : v);
          }
        }
        continue;
      }
      if (inputEnded && taken == submitted) {
        return END;
      }
      try {
        if (timeout == null) {
          wait();
        } else {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            throw new TimeoutError("no result of the imap came within " + timeout);
          }
          wait(Math.max(1, left / 1_000_000));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ProcessError("interrupted while waiting for the next result of an imap", e);
      }
    }
    return current.peek();
  }

  @SuppressWarnings("unchecked")
  static <T extends Throwable> T sneaky(Throwable t) throws T {
    throw (T) t;
  }
}
