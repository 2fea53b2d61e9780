package io.multiproc;

/**
 * The root of multiproc's exceptions, as {@code multiprocessing.ProcessError} is in CPython.
 *
 * <p>Unchecked, so Python-shaped code reads the same in Java; every subclass carries a message that
 * says what went wrong and what to do about it.
 */
public class ProcessError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an error with a message that says what to do. */
  public ProcessError(String message) {
    super(message);
  }

  /** Creates an error with a message and the cause it wraps. */
  public ProcessError(String message, Throwable cause) {
    super(message, cause);
  }
}
