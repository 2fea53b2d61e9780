package io.multiproc;

import io.multiproc.internal.Timeouts;
import io.multiproc.internal.queue.OpenEnds;
import io.multiproc.internal.queue.QueueProtocol;
import io.multiproc.internal.queue.QueueClient;
import io.multiproc.internal.route.Owner;
import io.multiproc.internal.wire.Reducer;
import java.io.EOFException;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;

/**
 * One end of a {@link Pipe}, the twin of CPython's {@code multiprocessing.connection.Connection}.
 *
 * <p>Like a file descriptor, a connection may be copied into other processes (as a Process
 * argument, or inside an item); the other end sees the end of the stream — {@link #recv()} throws
 * {@link EOFException} once what was sent is received — only when every copy of this end is closed,
 * by {@link #close()} or by the end of the process holding it. A {@code send} returns as soon as
 * the message is on its way, as CPython's returns once the message is in the OS pipe; the other
 * end's mailbox acknowledges it, and a process waits for those acknowledgements before it ends,
 * so nothing sent is lost when the sender exits.
 */
public final class Connection implements AutoCloseable, Serializable {
  private static final long serialVersionUID = 1L;

  private final String inbox; // where this end reads; null when it cannot read
  private final String peer; // where this end writes; null when it cannot write
  private final String lane; // where the JVM holding both mailboxes accepts lanes, or null
  private long copy; // this copy's id among the open copies of this end, at the peer
  /** The JVM holding both mailboxes: a call fails with OwnerGoneError once it is gone. */
  private final Owner owner;
  private transient volatile boolean closed;
  private transient volatile QueueClient reader;
  private transient volatile QueueClient writer;

  Connection(String inbox, String peer, String lane, long copy) {
    this.inbox = inbox;
    this.peer = peer;
    this.lane = lane;
    this.owner = Owner.here();
    this.copy = copy;
    OpenEnds.opened(this, this::detach);
  }

  /**
   * Sends {@code obj} to the other end.
   *
   * <p>It returns once the message is on its way, and waits first while the other end holds
   * {@code multiproc.pipe.buffer} bytes not received yet (as a write to a full OS pipe does).
   *
   * @throws PicklingError when it cannot be sent; nothing was sent
   * @throws BrokenPipeError when every copy of the other end is closed or ended with its process
   * @throws IllegalStateException when this end is closed or cannot write
   */
  public void send(Object obj) {
    check(writable(), "send", "this end only receives (Pipe(duplex=false) gives a receive-only"
        + " and a send-only end)");
    byte[] bytes = Reducer.get().dumps(obj);
    writer().send(bytes);
  }

  /**
   * Receives the next message, waiting for one as long as it takes.
   *
   * @throws EOFException when every copy of the other end is closed and all it sent was received
   * @throws IllegalStateException when this end is closed or cannot read
   */
  public Object recv() throws EOFException {
    check(readable(), "recv", "this end only sends");
    long id = QueueClient.nextId();
    QueueProtocol.Reply r = reader().ask(id, (replyTo, jvm) -> new QueueProtocol.Get(id, true, -1,
        replyTo, jvm), null);
    if (r instanceof QueueProtocol.Item item) {
      return reader().receive(id, item);
    }
    throw new EOFException("the other end of the pipe is closed and everything it sent was"
        + " received");
  }

  /** Whether something can be received now without waiting (a message, or the end of the stream). */
  public boolean poll() {
    return poll(Duration.ZERO);
  }

  /**
   * Waits at most {@code timeout} (null: for ever) until something can be received.
   *
   * @return true when {@link #recv()} will not wait
   * @throws IllegalArgumentException when {@code timeout} is negative
   */
  public boolean poll(Duration timeout) {
    check(readable(), "poll", "this end only sends");
    Timeouts.check(timeout);
    long id = QueueClient.nextId();
    long ms = timeout == null ? -1 : Math.max(0, timeout.toMillis());
    return reader().ask(id, (replyTo, jvm) -> new QueueProtocol.Poll(id, ms, replyTo, jvm),
        timeout) instanceof QueueProtocol.Ok;
  }

  /** Sends the whole of {@code buf} as one message. */
  public void sendBytes(byte[] buf) {
    sendBytes(buf, 0, buf.length);
  }

  /** Sends {@code size} bytes of {@code buf} from {@code offset} as one message. */
  public void sendBytes(byte[] buf, int offset, int size) {
    if (offset < 0 || size < 0 || offset + size > buf.length) {
      throw new IndexOutOfBoundsException("offset " + offset + " and size " + size
          + " do not fit a buffer of " + buf.length + " bytes");
    }
    send(Arrays.copyOfRange(buf, offset, offset + size));
  }

  /** Receives a message sent with {@link #sendBytes}. */
  public byte[] recvBytes() throws EOFException {
    Object o = recv();
    if (o instanceof byte[] b) {
      return b;
    }
    throw new ProcessError("the message is a " + (o == null ? "null" : o.getClass().getName())
        + ", not bytes: it was sent with send(), receive it with recv()");
  }

  /**
   * Receives a bytes message of at most {@code maxlength} bytes.
   *
   * @throws ProcessError when it is longer (the message is lost then, as in CPython)
   * @throws IllegalArgumentException when {@code maxlength} is negative; nothing was received
   */
  public byte[] recvBytes(int maxlength) throws EOFException {
    if (maxlength < 0) {
      throw new IllegalArgumentException("negative maxlength " + maxlength
          + ": pass the largest message length to accept, or call recvBytes() for any length");
    }
    byte[] b = recvBytes();
    if (b.length > maxlength) {
      throw new ProcessError("bad message length: " + b.length + " bytes, more than " + maxlength);
    }
    return b;
  }

  /**
   * Receives a bytes message into {@code buf} from {@code offset}; returns its length.
   *
   * @throws BufferTooShort when it does not fit; the message is in the exception
   */
  public int recvBytesInto(byte[] buf, int offset) throws EOFException {
    byte[] b = recvBytes();
    if (b.length > buf.length - offset) {
      throw new BufferTooShort(b, buf.length - offset);
    }
    System.arraycopy(b, 0, buf, offset, b.length);
    return b.length;
  }

  /** Closes this copy of this end; the other end sees the end of the stream once all copies are. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      OpenEnds.closed(this);
      detach();
    }
  }

  /** Whether this end can receive. */
  public boolean readable() {
    return inbox != null;
  }

  /** Whether this end can send. */
  public boolean writable() {
    return peer != null;
  }

  /** Whether this copy was closed. */
  public boolean closed() {
    return closed;
  }

  private void detach() {
    closed = true;
    long c = copy;
    if (peer != null) {
      writer().tell((replyTo, jvm) -> new QueueProtocol.Detach(c, false));
    }
    if (inbox != null) {
      reader().tell((replyTo, jvm) -> new QueueProtocol.Detach(c, true));
    }
  }

  private void check(boolean can, String what, String why) {
    if (closed) {
      throw new IllegalStateException("cannot " + what + ": this connection is closed");
    }
    if (!can) {
      throw new IllegalStateException("cannot " + what + ": " + why);
    }
  }

  private QueueClient reader() {
    QueueClient c = reader;
    if (c == null) {
      c = new QueueClient(inbox, lane, owner);
      reader = c;
    }
    return c;
  }

  private QueueClient writer() {
    QueueClient c = writer;
    if (c == null) {
      c = new QueueClient(peer, lane, owner);
      writer = c;
    }
    return c;
  }

  /** A copy about to travel counts as open at the other end before it leaves, as a dup'ed fd. */
  private void writeObject(ObjectOutputStream out) throws IOException {
    long travelling = copy;
    if (!closed) {
      travelling = QueueClient.nextId();
      long c = travelling;
      if (peer != null) {
        long id = QueueClient.nextId();
        writer().ask(id, (replyTo, jvm) -> new QueueProtocol.Attach(id, c, false, replyTo),
            Duration.ZERO);
      }
      if (inbox != null) {
        long id = QueueClient.nextId();
        reader().ask(id, (replyTo, jvm) -> new QueueProtocol.Attach(id, c, true, replyTo),
            Duration.ZERO);
      }
    }
    long mine = copy;
    copy = travelling;
    try {
      out.defaultWriteObject();
      out.writeBoolean(closed);
    } finally {
      copy = mine;
    }
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    closed = in.readBoolean();
    if (!closed) {
      long c = copy;
      if (peer != null) {
        writer().tell((replyTo, jvm) -> new QueueProtocol.Claim(c, false, jvm));
      }
      if (inbox != null) {
        reader().tell((replyTo, jvm) -> new QueueProtocol.Claim(c, true, jvm));
      }
      OpenEnds.opened(this, this::detach);
    }
  }

  @Override
  public String toString() {
    return "<Connection " + (readable() ? "r" : "") + (writable() ? "w" : "")
        + (closed ? " closed" : "") + ">";
  }
}
