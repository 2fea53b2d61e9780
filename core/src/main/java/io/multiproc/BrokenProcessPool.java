package io.multiproc;

/**
 * A pool cannot run a task: the worker running it ended, or the pool cannot start workers (their
 * initializer raised), or it was terminated. Named after CPython's
 * {@code concurrent.futures.process.BrokenProcessPool}; here only the tasks concerned fail, and
 * the pool goes on wherever it can.
 */
public class BrokenProcessPool extends ProcessError {
  private static final long serialVersionUID = 1L;

  /** Creates the error with a message saying why the task cannot run. */
  public BrokenProcessPool(String message) {
    super(message);
  }

  /** Creates the error with a message saying why, and what caused it. */
  public BrokenProcessPool(String message, Throwable cause) {
    super(message, cause);
  }
}
