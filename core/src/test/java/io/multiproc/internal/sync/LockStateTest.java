package io.multiproc.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import io.multiproc.internal.transport.Peer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rules of a Lock's state, without JVMs: leases granted first come, first served and recalled
 * when others wait, tries answered by the holder's word, any process's release, and a dead or
 * leaving holder. A JVM is a peer of the test whose end the test tells; time is manual.
 */
class LockStateTest {
  @RegisterExtension
  static final ManualKit KIT = new ManualKit();

  /** The inboxes of three JVMs, and the test's own. */
  private final TestProbe<Reply> a = KIT.createTestProbe();
  private final TestProbe<Reply> b = KIT.createTestProbe();
  private final TestProbe<Reply> c = KIT.createTestProbe();
  private final TestProbe<Reply> control = KIT.createTestProbe();
  private final LockState lock = new LockState("L", SyncState.timersOf(KIT.system()));

  /** Hands {@code c} from {@code from} to the state, as a lane's reader does; answers to {@code to}. */
  private void send(LockState.Command c, TestProbe<Reply> to, Peer from) {
    lock.receive(c, r -> to.getRef().tell((Reply) r), from);
  }

  /** Hands {@code c}, which is not answered, to the state. */
  private void tell(LockState.Command c) {
    send(c, control, KIT.peer());
  }

  private long acquire(TestProbe<Reply> inbox, Peer jvm, long timeoutMs) {
    long id = ManualKit.nextId();
    send(new LockState.Acquire(id, true, timeoutMs, null, "P-" + id), inbox, jvm);
    return id;
  }

  private long release(TestProbe<Reply> inbox) {
    long id = ManualKit.nextId();
    send(new LockState.Release(id, null), inbox, KIT.peer());
    return id;
  }

  /** The lock's state; also proves that what was sent before it was handled. */
  private LockState.Snapshot state() {
    long id = ManualKit.nextId();
    send(new LockState.State(id, null), control, KIT.peer());
    Reply r = control.receiveMessage();
    assertEquals(id, r.id());
    return (LockState.Snapshot) ((Reply.Answer) r).value();
  }

  @Test
  void acquire_free_leaseGrantedAndKeptWhileNobodyElseAsks() {
    long lease = acquire(a, KIT.peer(), -1);
    a.expectMessage(new Reply.Ok(lease));
    a.expectNoMessage(ManualKit.QUIET); // no recall: the JVM keeps its lease
    assertEquals(new LockState.Snapshot(true, 0, null, 1), state());
  }

  @Test
  void acquire_leased_holderRecalledAndTheLockGoesOnReturn() {
    long lease = acquire(a, KIT.peer(), -1);
    a.expectMessage(new Reply.Ok(lease));
    long wants = acquire(b, KIT.peer(), -1);
    a.expectMessage(new Reply.Recall(lease));
    b.expectNoMessage(ManualKit.QUIET);
    tell(new LockState.Return(lease));
    b.expectMessage(new Reply.Ok(wants));
    a.expectNoMessage(ManualKit.QUIET);
  }

  @Test
  void acquire_severalWaiting_servedInOrderEachRecalledAtOnce() {
    long la = acquire(a, KIT.peer(), -1);
    a.expectMessage(new Reply.Ok(la));
    long lb = acquire(b, KIT.peer(), -1);
    long lc = acquire(c, KIT.peer(), -1);
    a.expectMessage(new Reply.Recall(la));
    a.expectNoMessage(ManualKit.QUIET); // recalled once, not once per waiter
    tell(new LockState.Return(la));
    b.expectMessage(new Reply.Ok(lb));
    b.expectMessage(new Reply.Recall(lb)); // another waits: one use, then back
    tell(new LockState.Return(lb));
    c.expectMessage(new Reply.Ok(lc));
    c.expectNoMessage(ManualKit.QUIET);
  }

  @Test
  void return_staleLease_ignored() {
    long la = acquire(a, KIT.peer(), -1);
    a.expectMessage(new Reply.Ok(la));
    long lb = acquire(b, KIT.peer(), -1);
    tell(new LockState.Return(la));
    b.expectMessage(new Reply.Ok(lb));
    tell(new LockState.Return(la)); // a duplicate of the old lease's return
    long lc = acquire(c, KIT.peer(), -1);
    b.expectMessage(new Reply.Recall(lb));
    c.expectNoMessage(ManualKit.QUIET);
    assertTrue(state().leased(), "b keeps the lock");
  }

  @Test
  void tryAcquire_holderSaysBusy_answeredNo() {
    long la = acquire(a, KIT.peer(), -1);
    a.expectMessage(new Reply.Ok(la));
    long t = acquire(b, KIT.peer(), 0);
    a.expectMessage(new Reply.Recall(la));
    b.expectNoMessage(ManualKit.QUIET); // waits for the holder's word
    tell(new LockState.Busy(la));
    b.expectMessage(new Reply.No(t));
    long again = acquire(c, KIT.peer(), 0);
    c.expectMessage(new Reply.No(again)); // known busy: no asking again
  }

  @Test
  void tryAcquire_holderReturnsIdleLease_granted() {
    long la = acquire(a, KIT.peer(), -1);
    a.expectMessage(new Reply.Ok(la));
    long t = acquire(b, KIT.peer(), 0);
    a.expectMessage(new Reply.Recall(la));
    tell(new LockState.Return(la));
    b.expectMessage(new Reply.Ok(t));
  }

  @Test
  void acquire_timeout_answeredNoWhenTimePassesAndNotBefore() {
    long la = acquire(a, KIT.peer(), -1);
    a.expectMessage(new Reply.Ok(la));
    long wants = acquire(b, KIT.peer(), 100);
    a.expectMessage(new Reply.Recall(la));
    tell(new LockState.Busy(la));
    assertEquals(1, state().waiting()); // its deadline is running from here
    KIT.timePasses(Duration.ofMillis(99));
    b.expectNoMessage(ManualKit.QUIET);
    KIT.timePasses(Duration.ofMillis(1));
    b.expectMessage(new Reply.No(wants));
    tell(new LockState.Return(la));
    assertEquals(new LockState.Snapshot(false, 0, null, 2), state());
    b.expectNoMessage(ManualKit.QUIET);
  }

  @Test
  void cancel_waiter_removedAndTheLockGoesToTheNext() {
    long la = acquire(a, KIT.peer(), -1);
    a.expectMessage(new Reply.Ok(la));
    long lb = acquire(b, KIT.peer(), -1);
    long lc = acquire(c, KIT.peer(), -1);
    long cancel = ManualKit.nextId();
    send(new LockState.Cancel(cancel, lb, null), control, KIT.peer());
    control.expectMessage(new Reply.Ok(cancel));
    tell(new LockState.Return(la));
    c.expectMessage(new Reply.Ok(lc));
    b.expectNoMessage(ManualKit.QUIET);
    long late = ManualKit.nextId();
    send(new LockState.Cancel(late, lc, null), control, KIT.peer());
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
    long la = acquire(a, KIT.peer(), -1);
    a.expectMessage(new Reply.Ok(la));
    long r = release(c);
    a.expectMessage(new Reply.Revoke(la));
    long r2 = release(control); // a second releaser waits for the same answer
    a.expectNoMessage(ManualKit.QUIET); // revoked once
    long lb = acquire(b, KIT.peer(), -1);
    a.expectMessage(new Reply.Recall(la));
    tell(new LockState.Revoked(la, true));
    c.expectMessage(new Reply.Ok(r));
    Reply.Failed second = control.expectMessageClass(Reply.Failed.class);
    assertEquals(r2, second.id(), "the first releaser released it; the second found it unlocked");
    b.expectMessage(new Reply.Ok(lb));
  }

  @Test
  void release_byAnotherProcessLeaseIdle_fails() {
    long la = acquire(a, KIT.peer(), -1);
    a.expectMessage(new Reply.Ok(la));
    long r = release(c);
    a.expectMessage(new Reply.Revoke(la));
    tell(new LockState.Revoked(la, false));
    Reply.Failed f = c.expectMessageClass(Reply.Failed.class);
    assertEquals(r, f.id());
    assertFalse(state().leased(), "the idle lease ended all the same");
  }

  @Test
  void jvmDown_holderDies_lockGoesToTheNextAndIsLogged() {
    Peer dying = KIT.peer();
    long la = acquire(a, dying, -1);
    a.expectMessage(new Reply.Ok(la));
    long lb = acquire(b, KIT.peer(), -1);
    a.expectMessage(new Reply.Recall(la));
    lock.peerGone(dying);
    b.expectMessage(new Reply.Ok(lb));
    LockState.Snapshot after = state();
    assertTrue(after.lastDeathRelease().contains("P-" + la + " died"), after.lastDeathRelease());
    assertEquals(1, after.peers());
  }

  @Test
  void jvmDown_waiterDies_droppedAndNotGranted() {
    long la = acquire(a, KIT.peer(), -1);
    a.expectMessage(new Reply.Ok(la));
    Peer dying = KIT.peer();
    acquire(b, dying, -1);
    a.expectMessage(new Reply.Recall(la));
    lock.peerGone(dying);
    control.awaitAssert(() -> {
      assertEquals(new LockState.Snapshot(true, 0, null, 1), state());
      return null;
    });
    tell(new LockState.Return(la));
    b.expectNoMessage(ManualKit.QUIET);
    assertFalse(state().leased());
  }

  @Test
  void leave_holderEndsHoldingIt_staysLockedUntilAnyProcessReleases() {
    Peer leaving = KIT.peer();
    long la = acquire(a, leaving, -1);
    a.expectMessage(new Reply.Ok(la));
    tell(new LockState.Leave(la));
    long t = acquire(c, KIT.peer(), 0);
    c.expectMessage(new Reply.No(t)); // nobody to ask: a try fails at once
    long lb = acquire(b, KIT.peer(), -1);
    lock.peerGone(leaving);
    control.awaitAssert(() -> {
      assertEquals(2, state().peers(), "its death was handled");
      return null;
    });
    a.expectNoMessage(ManualKit.QUIET); // neither recalled nor revoked: nobody is there to answer
    b.expectNoMessage(ManualKit.QUIET); // the death of a JVM that left frees nothing
    LockState.Snapshot held = state();
    assertTrue(held.leased());
    assertNull(held.lastDeathRelease());
    long r = release(control);
    control.expectMessage(new Reply.Ok(r));
    b.expectMessage(new Reply.Ok(lb));
  }

  @Test
  void jvmDown_deathToldTwice_theNextHolderKeepsTheLock() {
    // a JVM's end is told by Artery's watch and by its pid's watch: it may come twice
    Peer dying = KIT.peer();
    long la = acquire(a, dying, -1);
    a.expectMessage(new Reply.Ok(la));
    long lb = acquire(b, KIT.peer(), -1);
    lock.peerGone(dying);
    b.expectMessage(new Reply.Ok(lb));
    lock.peerGone(dying);
    acquire(c, KIT.peer(), -1);
    b.expectMessage(new Reply.Recall(lb));
    c.expectNoMessage(ManualKit.QUIET);
    assertTrue(state().leased(), "b keeps it");
  }
}
