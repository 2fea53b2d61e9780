package io.multiproc;

import io.multiproc.internal.ProcessRuntime;
import io.multiproc.internal.lane.LaneServer;
import io.multiproc.internal.queue.QueueProtocol;
import io.multiproc.internal.queue.QueueClient;
import io.multiproc.internal.queue.QueueState;

/**
 * A pipe between processes, the twin of CPython's {@code multiprocessing.Pipe()}: two
 * {@link Connection}s. Duplex by default (both ends send and receive); with {@code duplex=false},
 * {@code left} only receives and {@code right} only sends, as CPython's {@code (conn1, conn2)}.
 *
 * <p>A Pipe may itself be sent to a process, as CPython programs pass the {@code (conn1, conn2)}
 * tuple; each connection in it is then a copy, to be closed where it is not used.
 *
 * <pre>{@code
 * Pipe pipe = Pipe.open();
 * Connection parentConn = pipe.left(), childConn = pipe.right();
 * }</pre>
 *
 * @param left CPython's first connection
 * @param right CPython's second connection
 */
public record Pipe(Connection left, Connection right) implements java.io.Serializable {

  /** A duplex pipe. */
  public static Pipe open() {
    return open(true);
  }

  /**
   * A pipe; duplex, or else {@code left} receives only and {@code right} sends only.
   *
   * @throws ProcessError when this process cannot start its ActorSystem
   */
  public static Pipe open(boolean duplex) {
    long leftCopy = QueueClient.nextId();
    long rightCopy = QueueClient.nextId();
    // each end reads from its own mailbox, which the other end's copies write into
    String lane = LaneServer.address();
    long buffer = ProcessRuntime.settings().pipeBuffer();
    String leftInbox = QueueState.pipeEnd(rightCopy, leftCopy, buffer).publish("pipe");
    if (!duplex) {
      return new Pipe(new Connection(leftInbox, null, lane, leftCopy),
          new Connection(null, leftInbox, lane, rightCopy));
    }
    String rightInbox = QueueState.pipeEnd(leftCopy, rightCopy, buffer).publish("pipe");
    return new Pipe(new Connection(leftInbox, rightInbox, lane, leftCopy),
        new Connection(rightInbox, leftInbox, lane, rightCopy));
  }
}
