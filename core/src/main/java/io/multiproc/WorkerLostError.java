package io.multiproc;

/**
 * The worker running a task ended before the task did: killed, crashed, or ended by
 * {@code cancel()} or a task's timeout. The message names the worker, its pid and how it ended.
 * The pool replaced the worker; every other task is unaffected.
 */
public class WorkerLostError extends BrokenProcessPool {
  private static final long serialVersionUID = 1L;

  /** Creates the error with a message naming the worker and how it ended. */
  public WorkerLostError(String message) {
    super(message);
  }
}
