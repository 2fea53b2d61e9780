package io.multiproc;

/**
 * An object could not be sent to another process; nothing was sent.
 *
 * <p>Named after CPython's {@code pickle.PicklingError}. The message names the offending type and
 * where it sits (for example {@code args[0]} or {@code field 'queue'}), and says what to send instead:
 * make the type {@link java.io.Serializable}, mark the field {@code transient}, or share state through
 * a multiproc object ({@code Queue}, {@code Pipe}, {@code Manager}) rather than a JVM-local one.
 */
public class PicklingError extends ProcessError {
  private static final long serialVersionUID = 1L;

  /** Creates the error with a message naming the type and its place. */
  public PicklingError(String message, Throwable cause) {
    super(message, cause);
  }
}
