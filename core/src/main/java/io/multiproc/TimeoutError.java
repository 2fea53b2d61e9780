package io.multiproc;

/** A blocking call ran out of time before it could complete. */
public class TimeoutError extends ProcessError {
  private static final long serialVersionUID = 1L;

  /** Creates the error with a message naming what was waited for. */
  public TimeoutError(String message) {
    super(message);
  }
}
