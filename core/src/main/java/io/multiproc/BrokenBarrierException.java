package io.multiproc;

/**
 * Raised by {@link Barrier#await} when the barrier is broken or breaks while waiting, the twin of
 * CPython's {@code threading.BrokenBarrierError}.
 */
public class BrokenBarrierException extends ProcessError {
  private static final long serialVersionUID = 1L;

  /** The exception, with what broke the barrier. */
  public BrokenBarrierException(String message) {
    super(message);
  }
}
