package io.multiproc.internal.lane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.multiproc.internal.ProcessRuntime;
import io.multiproc.internal.sync.BarrierActor;
import io.multiproc.internal.sync.Reply;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.Test;

/** Taking a message's actor references out for a lane, and putting the receiver's in. */
class RecordRefsTest {

  @Test
  void replyToAndJvm_areSetApart_otherComponentsKept() {
    ActorRef<?> registry = ProcessRuntime.registry();
    BarrierActor.Arrive sent = new BarrierActor.Arrive(7, 250, null, registry);
    BarrierActor.Arrive bare = (BarrierActor.Arrive) RecordRefs.with(sent, null, null);
    assertEquals(7, bare.id());
    assertEquals(250, bare.timeoutMs());
    assertNull(bare.replyTo());
    assertNull(bare.jvm());
    @SuppressWarnings("unchecked")
    ActorRef<Reply> answers = (ActorRef<Reply>) (ActorRef<?>) registry;
    ActorRef<?> watched = ProcessRuntime.registry();
    BarrierActor.Arrive received = (BarrierActor.Arrive) RecordRefs.with(bare, answers, watched);
    assertSame(answers, received.replyTo());
    assertSame(watched, received.jvm());
  }

  @Test
  void messagesWithoutReferences_passUnchanged() {
    Reply.Ok ok = new Reply.Ok(3);
    assertSame(ok, RecordRefs.with(ok, null, null));
    String notARecord = "x";
    assertSame(notARecord, RecordRefs.with(notARecord, null, null));
  }
}
