package io.multiproc;

/**
 * The process that owns this shared object is gone: the object (a Lock, Semaphore, Event, Value,
 * …) lived in the process that created it, and ended with it.
 *
 * <p>Raised at once by a call on an object whose owner is already known to have ended, and within
 * about a quarter of a second by a call that was waiting when it ended (a process of the same
 * machine is known to have ended from its pid, or from the end of its lane). Keep the process
 * that creates a shared object running while others use it — the main process, typically.
 */
public class OwnerGoneError extends ProcessError {
  private static final long serialVersionUID = 1L;

  /** Creates the error with a message naming the object and its owner. */
  public OwnerGoneError(String message) {
    super(message);
  }

  /** Creates the error with a message and what revealed the owner's end. */
  public OwnerGoneError(String message, Throwable cause) {
    super(message, cause);
  }
}
