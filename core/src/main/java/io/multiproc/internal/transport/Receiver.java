package io.multiproc.internal.transport;

import io.multiproc.internal.wire.Wire;
import java.util.List;

/**
 * INTERNAL API. What a shared object's state registers in {@link Receivers} so that lanes deliver
 * it the messages addressed to its path: the transport knows frames, paths and peers, and leaves
 * every protocol to its receiver.
 */
public interface Receiver {
  /**
   * Handles {@code message} from {@code from}; its answer (if any) goes to {@code replier}, which
   * is {@link Replier#NONE} for a message that wants none. Called by the lane's reading thread,
   * in the order the peer sent its messages.
   */
  void receive(Object message, Replier replier, Peer from);

  /**
   * Whether {@code message}, which wants no answer, may wait to be handled together with the
   * ones after it (pipelined puts to an unbounded queue: a consumer then wakes once for many).
   */
  default boolean gathers(Object message) {
    return false;
  }

  /** Handles messages {@link #gathers} let wait, in their order, as soon as nothing more came. */
  default void receiveAll(List<Object> messages, Peer from) {
    for (Object m : messages) {
      receive(m, Replier.NONE, from);
    }
  }

  /** {@code from} is gone (its lane ended): what it asked for is dropped, what it held given back. */
  default void peerGone(Peer from) {}

  /** Where the answer to one message goes. */
  @FunctionalInterface
  interface Replier {
    /** For a message that wants no answer. */
    Replier NONE = answer -> { };

    void reply(Wire answer);
  }
}
