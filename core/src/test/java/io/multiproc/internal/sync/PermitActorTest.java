package io.multiproc.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rules of a Semaphore, BoundedSemaphore and RLock's actor, without JVMs: a JVM is an actor
 * of the test that is stopped to make it die, and time passes only when the test says so.
 */
class PermitActorTest {
  @RegisterExtension
  static final ManualKit KIT = new ManualKit();

  private final TestProbe<Reply> replies = KIT.createTestProbe();
  private final TestProbe<Reply> other = KIT.createTestProbe();
  private final TestProbe<Reply> control = KIT.createTestProbe();

  private static ActorRef<PermitActor.Command> semaphore(int value, int max, boolean owned) {
    return KIT.spawn(PermitActor.create("test", value, max, owned));
  }

  /** Sends an acquire; returns its id. */
  private static long acquire(ActorRef<PermitActor.Command> actor, TestProbe<Reply> to,
      ActorRef<?> jvm, long timeoutMs, String owner) {
    long id = ManualKit.nextId();
    actor.tell(new PermitActor.Acquire(id, true, timeoutMs, to.getRef(), jvm, owner, "P-" + id));
    return id;
  }

  private static long release(ActorRef<PermitActor.Command> actor, TestProbe<Reply> to,
      ActorRef<?> jvm, String owner) {
    long id = ManualKit.nextId();
    actor.tell(new PermitActor.Release(id, to.getRef(), jvm, owner));
    return id;
  }

  /** The actor's state; also proves that what was sent before it was handled. */
  private PermitActor.Snapshot state(ActorRef<PermitActor.Command> actor) {
    long id = ManualKit.nextId();
    actor.tell(new PermitActor.State(id, control.getRef()));
    Reply r = control.receiveMessage();
    assertEquals(id, r.id());
    return (PermitActor.Snapshot) ((Reply.Answer) r).value();
  }

  @Test
  void acquire_freePermits_grantedThenWaitsUntilRelease() {
    ActorRef<PermitActor.Command> s = semaphore(2, -1, false);
    ActorRef<Object> jvm = KIT.jvm();
    long a = acquire(s, replies, jvm, -1, "t1");
    long b = acquire(s, replies, jvm, -1, "t2");
    replies.expectMessage(new Reply.Ok(a));
    replies.expectMessage(new Reply.Ok(b));
    long c = acquire(s, other, jvm, -1, "t3");
    other.expectNoMessage(ManualKit.QUIET);
    assertEquals(new PermitActor.Snapshot(0, 1, null, 1), state(s));
    long r = release(s, replies, jvm, "t1");
    replies.expectMessage(new Reply.Ok(r));
    other.expectMessage(new Reply.Ok(c));
  }

  @Test
  void release_severalWaiters_grantedFirstComeFirstServed() {
    ActorRef<PermitActor.Command> s = semaphore(0, -1, false);
    ActorRef<Object> jvm = KIT.jvm();
    long a = acquire(s, replies, jvm, -1, "a");
    long b = acquire(s, replies, jvm, -1, "b");
    long c = acquire(s, replies, jvm, -1, "c");
    assertEquals(3, state(s).waiting());
    release(s, control, jvm, "x");
    control.expectMessageClass(Reply.Ok.class);
    replies.expectMessage(new Reply.Ok(a));
    release(s, control, jvm, "x");
    control.expectMessageClass(Reply.Ok.class);
    replies.expectMessage(new Reply.Ok(b));
    release(s, control, jvm, "x");
    control.expectMessageClass(Reply.Ok.class);
    replies.expectMessage(new Reply.Ok(c));
    replies.expectNoMessage(ManualKit.QUIET);
  }

  @Test
  void acquire_permitFreeButOthersWait_queuesBehindThem() {
    ActorRef<PermitActor.Command> s = semaphore(0, -1, false);
    ActorRef<Object> jvm = KIT.jvm();
    long a = acquire(s, replies, jvm, -1, "a");
    assertEquals(1, state(s).waiting());
    // two permits come at once: the waiter takes the first, the newcomer the second
    s.tell(new PermitActor.Release(ManualKit.nextId(), control.getRef(), jvm, "x"));
    replies.expectMessage(new Reply.Ok(a));
    long b = acquire(s, other, jvm, 0, "b");
    other.expectMessage(new Reply.No(b));
  }

  @Test
  void acquire_noBlockNoPermit_answeredNoAtOnce() {
    ActorRef<PermitActor.Command> s = semaphore(0, -1, false);
    long id = ManualKit.nextId();
    s.tell(new PermitActor.Acquire(id, false, 0, replies.getRef(), KIT.jvm(), "t", "P"));
    replies.expectMessage(new Reply.No(id));
    assertEquals(0, state(s).waiting(), "a try does not wait");
  }

  @Test
  void acquire_timeout_answeredNoWhenTimePassesAndNotBefore() {
    ActorRef<PermitActor.Command> s = semaphore(0, -1, false);
    ActorRef<Object> jvm = KIT.jvm();
    long a = acquire(s, replies, jvm, 100, "t");
    assertEquals(1, state(s).waiting()); // the deadline is running from here
    KIT.timePasses(Duration.ofMillis(99));
    replies.expectNoMessage(ManualKit.QUIET);
    KIT.timePasses(Duration.ofMillis(1));
    replies.expectMessage(new Reply.No(a));
    assertEquals(0, state(s).waiting());
    release(s, control, jvm, "x");
    control.expectMessageClass(Reply.Ok.class);
    replies.expectNoMessage(ManualKit.QUIET);
    assertEquals(1, state(s).value(), "the permit stays free: nobody waits for it");
  }

  @Test
  void acquire_grantedBeforeDeadline_noLateNo() {
    ActorRef<PermitActor.Command> s = semaphore(0, -1, false);
    ActorRef<Object> jvm = KIT.jvm();
    long a = acquire(s, replies, jvm, 100, "t");
    long r = release(s, control, jvm, "x");
    control.expectMessage(new Reply.Ok(r));
    replies.expectMessage(new Reply.Ok(a));
    KIT.timePasses(Duration.ofMillis(200));
    replies.expectNoMessage(ManualKit.QUIET);
    assertEquals(0, state(s).value(), "the grant stands");
  }

  @Test
  void cancel_waitingAcquire_removedAndNextReleaseGoesToTheNext() {
    ActorRef<PermitActor.Command> s = semaphore(0, -1, false);
    ActorRef<Object> jvm = KIT.jvm();
    long a = acquire(s, replies, jvm, -1, "a");
    long b = acquire(s, other, jvm, -1, "b");
    long cancel = ManualKit.nextId();
    s.tell(new PermitActor.Cancel(cancel, a, control.getRef()));
    control.expectMessage(new Reply.Ok(cancel));
    release(s, control, jvm, "x");
    control.expectMessageClass(Reply.Ok.class);
    other.expectMessage(new Reply.Ok(b));
    replies.expectNoMessage(ManualKit.QUIET);
  }

  @Test
  void cancel_alreadyGranted_answeredNo() {
    ActorRef<PermitActor.Command> s = semaphore(1, -1, false);
    long a = acquire(s, replies, KIT.jvm(), -1, "a");
    replies.expectMessage(new Reply.Ok(a));
    long cancel = ManualKit.nextId();
    s.tell(new PermitActor.Cancel(cancel, a, control.getRef()));
    control.expectMessage(new Reply.No(cancel));
  }

  @Test
  void release_boundedAtMax_failsTooManyTimes() {
    ActorRef<PermitActor.Command> s = semaphore(1, 1, false);
    long r = release(s, replies, KIT.jvm(), "t");
    Reply.Failed f = replies.expectMessageClass(Reply.Failed.class);
    assertEquals(r, f.id());
    assertTrue(f.message().contains("released too many times"), f.message());
    assertEquals(1, state(s).value());
  }

  @Test
  void release_unbounded_countsUpPastTheStart() {
    ActorRef<PermitActor.Command> s = semaphore(1, -1, false);
    long r = release(s, replies, KIT.jvm(), "t");
    replies.expectMessage(new Reply.Ok(r));
    assertEquals(2, state(s).value());
  }

  @Test
  void release_rlockByAnotherOwner_failsAndLockStaysTaken() {
    ActorRef<PermitActor.Command> lock = semaphore(1, 1, true);
    ActorRef<Object> jvm = KIT.jvm();
    long a = acquire(lock, replies, jvm, -1, "t1");
    replies.expectMessage(new Reply.Ok(a));
    long r = release(lock, replies, jvm, "t2");
    Reply.Failed f = replies.expectMessageClass(Reply.Failed.class);
    assertEquals(r, f.id());
    assertTrue(f.message().contains("un-acquired"), f.message());
    assertEquals(0, state(lock).value());
    long ok = release(lock, replies, jvm, "t1");
    replies.expectMessage(new Reply.Ok(ok));
    assertEquals(1, state(lock).value());
  }

  @Test
  void jvmDown_holderDies_itsPermitsGoToTheNextWaiter() {
    ActorRef<PermitActor.Command> s = semaphore(1, 1, false);
    ActorRef<Object> dying = KIT.jvm();
    long a = acquire(s, replies, dying, -1, "t");
    replies.expectMessage(new Reply.Ok(a));
    long b = acquire(s, other, KIT.jvm(), -1, "u");
    other.expectNoMessage(ManualKit.QUIET);
    KIT.stop(dying);
    other.expectMessage(new Reply.Ok(b));
    PermitActor.Snapshot after = state(s);
    assertTrue(after.lastDeathRelease().contains("died holding 1 permit"),
        after.lastDeathRelease());
    assertTrue(after.lastDeathRelease().contains("P-" + a), "names the holder's process");
    assertEquals(1, after.peers(), "the dead JVM is watched no more");
  }

  @Test
  void jvmDown_waiterDies_droppedAndTheReleaseGoesToTheLiving() {
    ActorRef<PermitActor.Command> s = semaphore(0, -1, false);
    ActorRef<Object> dying = KIT.jvm();
    ActorRef<Object> living = KIT.jvm();
    acquire(s, replies, dying, -1, "t");
    long b = acquire(s, other, living, -1, "u");
    assertEquals(2, state(s).peers());
    KIT.stop(dying);
    control.awaitAssert(() -> {
      assertEquals(new PermitActor.Snapshot(0, 1, null, 1), state(s));
      return null;
    });
    release(s, control, living, "x");
    control.expectMessageClass(Reply.Ok.class);
    other.expectMessage(new Reply.Ok(b));
    replies.expectNoMessage(ManualKit.QUIET);
  }

  @Test
  void leave_holderEndsNormally_permitStaysTakenAndItsDeathReleasesNothing() {
    ActorRef<PermitActor.Command> s = semaphore(1, 1, false);
    ActorRef<Object> leaving = KIT.jvm();
    long a = acquire(s, replies, leaving, -1, "t");
    replies.expectMessage(new Reply.Ok(a));
    long b = acquire(s, other, KIT.jvm(), -1, "u");
    s.tell(new PermitActor.Leave(leaving));
    KIT.stop(leaving);
    control.awaitAssert(() -> {
      assertEquals(1, state(s).peers());
      return null;
    });
    other.expectNoMessage(ManualKit.QUIET);
    PermitActor.Snapshot after = state(s);
    assertEquals(0, after.value(), "kept taken, as under CPython");
    assertNull(after.lastDeathRelease());
    long r = release(s, control, KIT.jvm(), "x"); // any process may release it later
    control.expectMessage(new Reply.Ok(r));
    other.expectMessage(new Reply.Ok(b));
  }

  @Test
  void leave_jvmWithWaiter_waiterDropped() {
    ActorRef<PermitActor.Command> s = semaphore(0, -1, false);
    ActorRef<Object> leaving = KIT.jvm();
    acquire(s, replies, leaving, -1, "t");
    s.tell(new PermitActor.Leave(leaving));
    assertEquals(0, state(s).waiting());
    release(s, control, KIT.jvm(), "x");
    control.expectMessageClass(Reply.Ok.class);
    replies.expectNoMessage(ManualKit.QUIET);
    assertEquals(1, state(s).value());
  }

  @Test
  void release_byAnotherJvm_permitCountsAsTheHoldersSoItsDeathReleasesNothing() {
    ActorRef<PermitActor.Command> s = semaphore(1, 1, false);
    ActorRef<Object> holder = KIT.jvm();
    long a = acquire(s, replies, holder, -1, "t");
    replies.expectMessage(new Reply.Ok(a));
    long r = release(s, replies, KIT.jvm(), "x");
    replies.expectMessage(new Reply.Ok(r));
    KIT.stop(holder);
    control.awaitAssert(() -> {
      assertEquals(0, state(s).peers(), "a releaser is not watched; the dead holder no more");
      return null;
    });
    PermitActor.Snapshot after = state(s);
    assertEquals(1, after.value(), "no second permit from the holder's death");
    assertNull(after.lastDeathRelease());
  }

  @Test
  void jvmDown_rlockOwnerDies_nextWaiterOwnsItAndTheDeadOwnerCannotRelease() {
    ActorRef<PermitActor.Command> lock = semaphore(1, 1, true);
    ActorRef<Object> dying = KIT.jvm();
    long a = acquire(lock, replies, dying, -1, "t1");
    replies.expectMessage(new Reply.Ok(a));
    ActorRef<Object> living = KIT.jvm();
    long b = acquire(lock, other, living, -1, "t2");
    KIT.stop(dying);
    other.expectMessage(new Reply.Ok(b));
    long stale = release(lock, control, dying, "t1");
    Reply.Failed f = control.expectMessageClass(Reply.Failed.class);
    assertEquals(stale, f.id(), "the lock is t2's now");
    long r = release(lock, control, living, "t2");
    control.expectMessage(new Reply.Ok(r));
  }

  @Test
  void leave_rlockOwnerEndsHoldingIt_staysWithItsOwner() {
    ActorRef<PermitActor.Command> lock = semaphore(1, 1, true);
    ActorRef<Object> leaving = KIT.jvm();
    long a = acquire(lock, replies, leaving, -1, "t1");
    replies.expectMessage(new Reply.Ok(a));
    lock.tell(new PermitActor.Leave(leaving));
    long r = release(lock, control, KIT.jvm(), "t2");
    Reply.Failed f = control.expectMessageClass(Reply.Failed.class);
    assertEquals(r, f.id(), "only its owner releases an RLock");
    assertEquals(0, state(lock).value());
  }

  @Test
  void jvmDown_deathToldTwice_permitsReleasedOnce() {
    // a JVM's death is told by its actor's watch and by its pid's watch: it may come twice
    ActorRef<PermitActor.Command> s = semaphore(1, -1, false);
    ActorRef<Object> dying = KIT.jvm();
    long a = acquire(s, replies, dying, -1, "t");
    replies.expectMessage(new Reply.Ok(a));
    KIT.stop(dying);
    control.awaitAssert(() -> {
      assertEquals(1, state(s).value());
      return null;
    });
    s.tell(new PermitActor.JvmDown(dying));
    assertEquals(1, state(s).value(), "an unbounded semaphore does not gain a permit");
  }
}
