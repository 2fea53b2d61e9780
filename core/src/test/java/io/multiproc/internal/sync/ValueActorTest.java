package io.multiproc.internal.sync;

import java.io.Serializable;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The elements of a Value's or Array's actor: each read and written whole, kept as a copy. */
class ValueActorTest {
  private static final ActorTestKit KIT = ActorTestKit.create();

  @AfterAll
  static void shutdown() {
    KIT.shutdownTestKit();
  }

  private final TestProbe<Reply> replies = KIT.createTestProbe();

  @Test
  void put_thenGet_readsWhatWasStoredOthersUnchanged() {
    ActorRef<ValueActor.Command> v = KIT.spawn(ValueActor.create(new Serializable[] {1, 2, 3}));
    v.tell(new ValueActor.Put(1, 1, 20, replies.getRef()));
    replies.expectMessage(new Reply.Ok(1));
    v.tell(new ValueActor.Get(2, 1, replies.getRef()));
    replies.expectMessage(new Reply.Answer(2, 20));
    v.tell(new ValueActor.Get(3, 0, replies.getRef()));
    replies.expectMessage(new Reply.Answer(3, 1));
    v.tell(new ValueActor.GetAll(4, replies.getRef()));
    replies.expectMessage(new Reply.Answer(4, new java.util.ArrayList<>(List.of(1, 20, 3))));
  }

  @Test
  void create_initialArrayChangedLater_actorKeepsItsCopy() {
    Serializable[] initial = {"a", "b"};
    ActorRef<ValueActor.Command> v = KIT.spawn(ValueActor.create(initial));
    initial[0] = "changed";
    v.tell(new ValueActor.Get(1, 0, replies.getRef()));
    replies.expectMessage(new Reply.Answer(1, "a"));
  }

  @Test
  void getAll_answerChangedByItsReader_actorUnchanged() {
    ActorRef<ValueActor.Command> v = KIT.spawn(ValueActor.create(new Serializable[] {7}));
    v.tell(new ValueActor.GetAll(1, replies.getRef()));
    @SuppressWarnings("unchecked")
    List<Serializable> all = (List<Serializable>) ((Reply.Answer) replies.receiveMessage()).value();
    all.set(0, 8); // in this JVM the answer is not serialized: it must be a copy
    v.tell(new ValueActor.Get(2, 0, replies.getRef()));
    replies.expectMessage(new Reply.Answer(2, 7));
  }
}
