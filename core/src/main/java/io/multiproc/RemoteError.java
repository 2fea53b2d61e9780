package io.multiproc;

/**
 * An exception raised in another process, as text: its type, message and that process's stack
 * trace. A pool attaches one as the cause of a task's exception (which keeps its own type), or
 * raises it in place of an exception that could not be sent back. Named after CPython's
 * {@code multiprocessing.managers.RemoteError}.
 */
public class RemoteError extends ProcessError {
  private static final long serialVersionUID = 1L;
  private final String remoteTrace;

  /** Creates the error with what happened, and the other process's stack trace as text. */
  public RemoteError(String message, String remoteTrace) {
    super(message + (remoteTrace == null || remoteTrace.isEmpty() ? ""
        : "\n--- the remote stack trace ---\n" + remoteTrace.strip()));
    this.remoteTrace = remoteTrace;
  }

  /** The stack trace printed where the exception was raised. */
  public String remoteTrace() {
    return remoteTrace;
  }
}
