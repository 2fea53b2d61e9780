package io.multiproc;

/**
 * A peer could not prove that it holds this program's authkey, so nothing it sent was decoded.
 *
 * <p>Raised in a child JVM whose registration the parent refused; the parent itself never decodes a
 * message that fails the check, it only counts and logs it.
 */
public class AuthenticationError extends ProcessError {
  private static final long serialVersionUID = 1L;

  /** Creates the error with a message naming the peer. */
  public AuthenticationError(String message) {
    super(message);
  }
}
