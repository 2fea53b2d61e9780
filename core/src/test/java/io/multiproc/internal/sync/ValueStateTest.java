package io.multiproc.internal.sync;

import io.multiproc.internal.transport.Peer;
import java.io.Serializable;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The elements of a Value's or Array's state: each read and written whole, kept as a copy. */
class ValueStateTest {
  @RegisterExtension
  static final ManualKit KIT = new ManualKit();

  private final TestProbe<Reply> replies = KIT.createTestProbe();
  /** The peer whose requests these are. */
  private final Peer here = KIT.peer();

  /** Hands {@code c} to the state, as a lane's reader does; answers to {@link #replies}. */
  private void send(ValueState v, ValueState.Command c) {
    v.receive(c, a -> replies.getRef().tell((Reply) a), here);
  }

  @Test
  void put_thenGet_readsWhatWasStoredOthersUnchanged() {
    ValueState v = new ValueState(new Serializable[] {1, 2, 3});
    send(v, new ValueState.Put(1, 1, 20, null));
    replies.expectMessage(new Reply.Ok(1));
    send(v, new ValueState.Get(2, 1, null));
    replies.expectMessage(new Reply.Answer(2, 20));
    send(v, new ValueState.Get(3, 0, null));
    replies.expectMessage(new Reply.Answer(3, 1));
    send(v, new ValueState.GetAll(4, null));
    replies.expectMessage(new Reply.Answer(4, new java.util.ArrayList<>(List.of(1, 20, 3))));
  }

  @Test
  void create_initialArrayChangedLater_stateKeepsItsCopy() {
    Serializable[] initial = {"a", "b"};
    ValueState v = new ValueState(initial);
    initial[0] = "changed";
    send(v, new ValueState.Get(1, 0, null));
    replies.expectMessage(new Reply.Answer(1, "a"));
  }

  @Test
  void getAll_answerChangedByItsReader_stateUnchanged() {
    ValueState v = new ValueState(new Serializable[] {7});
    send(v, new ValueState.GetAll(1, null));
    @SuppressWarnings("unchecked")
    List<Serializable> all = (List<Serializable>) ((Reply.Answer) replies.receiveMessage()).value();
    all.set(0, 8); // in this JVM the answer is not serialized: it must be a copy
    send(v, new ValueState.Get(2, 0, null));
    replies.expectMessage(new Reply.Answer(2, 7));
  }
}
