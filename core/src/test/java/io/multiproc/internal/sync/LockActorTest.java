package io.multiproc.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rules of a Lock's actor, without JVMs: leases granted first come, first served and recalled
 * when others wait, tries answered by the holder's word, any process's release, and a dead or
 * leaving holder. A JVM is an actor of the test, stopped to make it die; time is manual.
 */
class LockActorTest {
  @RegisterExtension
  static final ManualKit KIT = new ManualKit();

  /** The inboxes of three JVMs, and the test's own. */
  private final TestProbe<Reply> a = KIT.createTestProbe();
  private final TestProbe<Reply> b = KIT.createTestProbe();
  private final TestProbe<Reply> c = KIT.createTestProbe();
  private final TestProbe<Reply> control = KIT.createTestProbe();
  private final ActorRef<LockActor.Command> lock = KIT.spawn(LockActor.create("L"));

  private long acquire(TestProbe<Reply> inbox, ActorRef<?> jvm, long timeoutMs) {
    long id = ManualKit.nextId();
    lock.tell(new LockActor.Acquire(id, true, timeoutMs, inbox.getRef(), jvm, "P-" + id));
    return id;
  }

  private long release(TestProbe<Reply> inbox) {
    long id = ManualKit.nextId();
    lock.tell(new LockActor.Release(id, inbox.getRef()));
    return id;
  }

  /** The lock's state; also proves that what was sent before it was handled. */
  private LockActor.Snapshot state() {
    long id = ManualKit.nextId();
    lock.tell(new LockActor.State(id, control.getRef()));
    Reply r = control.receiveMessage();
    assertEquals(id, r.id());
    return (LockActor.Snapshot) ((Reply.Answer) r).value();
  }

  @Test
  void acquire_free_leaseGrantedAndKeptWhileNobodyElseAsks() {
    long lease = acquire(a, KIT.jvm(), -1);
    a.expectMessage(new Reply.Ok(lease));
    a.expectNoMessage(ManualKit.QUIET); // no recall: the JVM keeps its lease
    assertEquals(new LockActor.Snapshot(true, 0, null, 1), state());
  }

  @Test
  void acquire_leased_holderRecalledAndTheLockGoesOnReturn() {
    long lease = acquire(a, KIT.jvm(), -1);
    a.expectMessage(new Reply.Ok(lease));
    long wants = acquire(b, KIT.jvm(), -1);
    a.expectMessage(new Reply.Recall(lease));
    b.expectNoMessage(ManualKit.QUIET);
    lock.tell(new LockActor.Return(lease));
    b.expectMessage(new Reply.Ok(wants));
    a.expectNoMessage(ManualKit.QUIET);
  }

  @Test
  void acquire_severalWaiting_servedInOrderEachRecalledAtOnce() {
    long la = acquire(a, KIT.jvm(), -1);
    a.expectMessage(new Reply.Ok(la));
    long lb = acquire(b, KIT.jvm(), -1);
    long lc = acquire(c, KIT.jvm(), -1);
    a.expectMessage(new Reply.Recall(la));
    a.expectNoMessage(ManualKit.QUIET); // recalled once, not once per waiter
    lock.tell(new LockActor.Return(la));
    b.expectMessage(new Reply.Ok(lb));
    b.expectMessage(new Reply.Recall(lb)); // another waits: one use, then back
    lock.tell(new LockActor.Return(lb));
    c.expectMessage(new Reply.Ok(lc));
    c.expectNoMessage(ManualKit.QUIET);
  }

  @Test
  void return_staleLease_ignored() {
    long la = acquire(a, KIT.jvm(), -1);
    a.expectMessage(new Reply.Ok(la));
    long lb = acquire(b, KIT.jvm(), -1);
    lock.tell(new LockActor.Return(la));
    b.expectMessage(new Reply.Ok(lb));
    lock.tell(new LockActor.Return(la)); // a duplicate of the old lease's return
    long lc = acquire(c, KIT.jvm(), -1);
    b.expectMessage(new Reply.Recall(lb));
    c.expectNoMessage(ManualKit.QUIET);
    assertTrue(state().leased(), "b keeps the lock");
  }

  @Test
  void tryAcquire_holderSaysBusy_answeredNo() {
    long la = acquire(a, KIT.jvm(), -1);
    a.expectMessage(new Reply.Ok(la));
    long t = acquire(b, KIT.jvm(), 0);
    a.expectMessage(new Reply.Recall(la));
    b.expectNoMessage(ManualKit.QUIET); // waits for the holder's word
    lock.tell(new LockActor.Busy(la));
    b.expectMessage(new Reply.No(t));
    long again = acquire(c, KIT.jvm(), 0);
    c.expectMessage(new Reply.No(again)); // known busy: no asking again
  }

  @Test
  void tryAcquire_holderReturnsIdleLease_granted() {
    long la = acquire(a, KIT.jvm(), -1);
    a.expectMessage(new Reply.Ok(la));
    long t = acquire(b, KIT.jvm(), 0);
    a.expectMessage(new Reply.Recall(la));
    lock.tell(new LockActor.Return(la));
    b.expectMessage(new Reply.Ok(t));
  }

  @Test
  void acquire_timeout_answeredNoWhenTimePassesAndNotBefore() {
    long la = acquire(a, KIT.jvm(), -1);
    a.expectMessage(new Reply.Ok(la));
    long wants = acquire(b, KIT.jvm(), 100);
    a.expectMessage(new Reply.Recall(la));
    lock.tell(new LockActor.Busy(la));
    assertEquals(1, state().waiting()); // its deadline is running from here
    KIT.timePasses(Duration.ofMillis(99));
    b.expectNoMessage(ManualKit.QUIET);
    KIT.timePasses(Duration.ofMillis(1));
    b.expectMessage(new Reply.No(wants));
    lock.tell(new LockActor.Return(la));
    assertEquals(new LockActor.Snapshot(false, 0, null, 2), state());
    b.expectNoMessage(ManualKit.QUIET);
  }

  @Test
  void cancel_waiter_removedAndTheLockGoesToTheNext() {
    long la = acquire(a, KIT.jvm(), -1);
    a.expectMessage(new Reply.Ok(la));
    long lb = acquire(b, KIT.jvm(), -1);
    long lc = acquire(c, KIT.jvm(), -1);
    long cancel = ManualKit.nextId();
    lock.tell(new LockActor.Cancel(cancel, lb, control.getRef()));
    control.expectMessage(new Reply.Ok(cancel));
    lock.tell(new LockActor.Return(la));
    c.expectMessage(new Reply.Ok(lc));
    b.expectNoMessage(ManualKit.QUIET);
    long late = ManualKit.nextId();
    lock.tell(new LockActor.Cancel(late, lc, control.getRef()));
    control.expectMessage(new Reply.No(late)); // granted already: the caller gives it back
  }

  @Test
  void release_unlocked_fails() {
    long r = release(control);
    Reply.Failed f = control.expectMessageClass(Reply.Failed.class);
    assertEquals(r, f.id());
    assertTrue(f.message().contains("release unlocked lock"), f.message());
  }

  @Test
  void release_byAnotherProcessWhileHeld_holderRevokedReleaserOkNextGranted() {
    long la = acquire(a, KIT.jvm(), -1);
    a.expectMessage(new Reply.Ok(la));
    long r = release(c);
    a.expectMessage(new Reply.Revoke(la));
    long r2 = release(control); // a second releaser waits for the same answer
    a.expectNoMessage(ManualKit.QUIET); // revoked once
    long lb = acquire(b, KIT.jvm(), -1);
    a.expectMessage(new Reply.Recall(la));
    lock.tell(new LockActor.Revoked(la, true));
    c.expectMessage(new Reply.Ok(r));
    Reply.Failed second = control.expectMessageClass(Reply.Failed.class);
    assertEquals(r2, second.id(), "the first releaser released it; the second found it unlocked");
    b.expectMessage(new Reply.Ok(lb));
  }

  @Test
  void release_byAnotherProcessLeaseIdle_fails() {
    long la = acquire(a, KIT.jvm(), -1);
    a.expectMessage(new Reply.Ok(la));
    long r = release(c);
    a.expectMessage(new Reply.Revoke(la));
    lock.tell(new LockActor.Revoked(la, false));
    Reply.Failed f = c.expectMessageClass(Reply.Failed.class);
    assertEquals(r, f.id());
    assertFalse(state().leased(), "the idle lease ended all the same");
  }

  @Test
  void jvmDown_holderDies_lockGoesToTheNextAndIsLogged() {
    ActorRef<Object> dying = KIT.jvm();
    long la = acquire(a, dying, -1);
    a.expectMessage(new Reply.Ok(la));
    long lb = acquire(b, KIT.jvm(), -1);
    a.expectMessage(new Reply.Recall(la));
    KIT.stop(dying);
    b.expectMessage(new Reply.Ok(lb));
    LockActor.Snapshot after = state();
    assertTrue(after.lastDeathRelease().contains("P-" + la + " died"), after.lastDeathRelease());
    assertEquals(1, after.peers());
  }

  @Test
  void jvmDown_waiterDies_droppedAndNotGranted() {
    long la = acquire(a, KIT.jvm(), -1);
    a.expectMessage(new Reply.Ok(la));
    ActorRef<Object> dying = KIT.jvm();
    acquire(b, dying, -1);
    a.expectMessage(new Reply.Recall(la));
    KIT.stop(dying);
    control.awaitAssert(() -> {
      assertEquals(new LockActor.Snapshot(true, 0, null, 1), state());
      return null;
    });
    lock.tell(new LockActor.Return(la));
    b.expectNoMessage(ManualKit.QUIET);
    assertFalse(state().leased());
  }

  @Test
  void leave_holderEndsHoldingIt_staysLockedUntilAnyProcessReleases() {
    ActorRef<Object> leaving = KIT.jvm();
    long la = acquire(a, leaving, -1);
    a.expectMessage(new Reply.Ok(la));
    lock.tell(new LockActor.Leave(la));
    long t = acquire(c, KIT.jvm(), 0);
    c.expectMessage(new Reply.No(t)); // nobody to ask: a try fails at once
    long lb = acquire(b, KIT.jvm(), -1);
    KIT.stop(leaving);
    control.awaitAssert(() -> {
      assertEquals(2, state().peers(), "its death was handled");
      return null;
    });
    a.expectNoMessage(ManualKit.QUIET); // neither recalled nor revoked: nobody is there to answer
    b.expectNoMessage(ManualKit.QUIET); // the death of a JVM that left frees nothing
    LockActor.Snapshot held = state();
    assertTrue(held.leased());
    assertNull(held.lastDeathRelease());
    long r = release(control);
    control.expectMessage(new Reply.Ok(r));
    b.expectMessage(new Reply.Ok(lb));
  }

  @Test
  void jvmDown_deathToldTwice_theNextHolderKeepsTheLock() {
    // a JVM's death is told by its actor's watch and by its pid's watch: it may come twice
    ActorRef<Object> dying = KIT.jvm();
    long la = acquire(a, dying, -1);
    a.expectMessage(new Reply.Ok(la));
    long lb = acquire(b, KIT.jvm(), -1);
    KIT.stop(dying);
    b.expectMessage(new Reply.Ok(lb));
    lock.tell(new LockActor.JvmDown(dying));
    acquire(c, KIT.jvm(), -1);
    b.expectMessage(new Reply.Recall(lb));
    c.expectNoMessage(ManualKit.QUIET);
    assertTrue(state().leased(), "b keeps it");
  }
}
