package io.multiproc;

/**
 * {@link Connection#recvBytesInto} was given a buffer too small for the message, as CPython's
 * {@code BufferTooShort}; the whole message is in {@link #message()}, nothing is lost.
 */
public class BufferTooShort extends ProcessError {
  private static final long serialVersionUID = 1L;
  private final transient byte[] message;

  public BufferTooShort(byte[] message, int room) {
    super("the message has " + message.length + " bytes, the buffer room for " + room
        + "; the whole message is in message()");
    this.message = message;
  }

  /** The message that did not fit. */
  public byte[] message() {
    return message;
  }
}
