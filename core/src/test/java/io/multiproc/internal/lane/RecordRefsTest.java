package io.multiproc.internal.lane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.multiproc.internal.ProcessRuntime;
import io.multiproc.internal.sync.LockActor;
import io.multiproc.internal.sync.Reply;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.Test;

/** Taking a message's actor references out for a lane, and putting the receiver's in. */
class RecordRefsTest {

  @Test
  void replyToAndJvm_areSetApart_otherComponentsKept() {
    ActorRef<?> registry = ProcessRuntime.registry();
    LockActor.Acquire sent = new LockActor.Acquire(7, true, 250, null, registry, "P-7");
    LockActor.Acquire bare = (LockActor.Acquire) RecordRefs.with(sent, null, null);
    assertEquals(7, bare.id());
    assertEquals(250, bare.timeoutMs());
    assertEquals("P-7", bare.who());
    assertNull(bare.replyTo());
    assertNull(bare.jvm());
    @SuppressWarnings("unchecked")
    ActorRef<Reply> answers = (ActorRef<Reply>) (ActorRef<?>) registry;
    ActorRef<?> watched = ProcessRuntime.registry();
    LockActor.Acquire received = (LockActor.Acquire) RecordRefs.with(bare, answers, watched);
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
