package io.multiproc;

/**
 * Raised by {@link Connection#send} when nobody can receive any more: every copy of the other
 * end is closed, or ended with its process (even killed), as CPython raises
 * {@code BrokenPipeError}. What could not be sent is dropped; later sends fail the same way.
 *
 * <p>A send learns it at once where the pipe was created in the sending process, else with the
 * answer to a send that waits for room, at the latest a quarter of {@code multiproc.pipe.buffer}
 * or 256 messages after the last reader went.
 */
public class BrokenPipeError extends ProcessError {
  private static final long serialVersionUID = 1L;

  public BrokenPipeError(String message) {
    super(message);
  }
}
