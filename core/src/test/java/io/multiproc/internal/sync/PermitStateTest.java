package io.multiproc.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import io.multiproc.internal.transport.Peer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rules of a Semaphore's and BoundedSemaphore's state, without JVMs: a JVM is a peer of
 * the test whose end the test tells, and time passes only when the test says so.
 */
class PermitStateTest {
  @RegisterExtension
  static final ManualKit KIT = new ManualKit();

  private final TestProbe<Reply> replies = KIT.createTestProbe();
  private final TestProbe<Reply> other = KIT.createTestProbe();
  private final TestProbe<Reply> control = KIT.createTestProbe();

  private static PermitState semaphore(int value, int max) {
    return new PermitState("test", value, max, SyncState.timersOf(KIT.system()));
  }

  /** Hands {@code c} from {@code from} to the state, as a lane's reader does; answers to {@code to}. */
  private static void send(PermitState s, PermitState.Command c, TestProbe<Reply> to, Peer from) {
    s.receive(c, a -> to.getRef().tell((Reply) a), from);
  }

  /** Sends an acquire; returns its id. */
  private static long acquire(PermitState s, TestProbe<Reply> to, Peer jvm, long timeoutMs) {
    long id = ManualKit.nextId();
    send(s, new PermitState.Acquire(id, true, timeoutMs, null, "P-" + id), to, jvm);
    return id;
  }

  private static long release(PermitState s, TestProbe<Reply> to, Peer jvm) {
    long id = ManualKit.nextId();
    send(s, new PermitState.Release(id, null), to, jvm);
    return id;
  }

  /** The state's snapshot; also proves that what was sent before it was handled. */
  private PermitState.Snapshot state(PermitState s) {
    long id = ManualKit.nextId();
    send(s, new PermitState.State(id, null), control, KIT.peer());
    Reply r = control.receiveMessage();
    assertEquals(id, r.id());
    return (PermitState.Snapshot) ((Reply.Answer) r).value();
  }

  @Test
  void acquire_freePermits_grantedThenWaitsUntilRelease() {
    PermitState s = semaphore(2, -1);
    Peer jvm = KIT.peer();
    long a = acquire(s, replies, jvm, -1);
    long b = acquire(s, replies, jvm, -1);
    replies.expectMessage(new Reply.Ok(a));
    replies.expectMessage(new Reply.Ok(b));
    long c = acquire(s, other, jvm, -1);
    other.expectNoMessage(ManualKit.QUIET);
    assertEquals(new PermitState.Snapshot(0, 1, null, 1), state(s));
    long r = release(s, replies, jvm);
    replies.expectMessage(new Reply.Ok(r));
    other.expectMessage(new Reply.Ok(c));
  }

  @Test
  void release_severalWaiters_grantedFirstComeFirstServed() {
    PermitState s = semaphore(0, -1);
    Peer jvm = KIT.peer();
    long a = acquire(s, replies, jvm, -1);
    long b = acquire(s, replies, jvm, -1);
    long c = acquire(s, replies, jvm, -1);
    assertEquals(3, state(s).waiting());
    release(s, control, jvm);
    control.expectMessageClass(Reply.Ok.class);
    replies.expectMessage(new Reply.Ok(a));
    release(s, control, jvm);
    control.expectMessageClass(Reply.Ok.class);
    replies.expectMessage(new Reply.Ok(b));
    release(s, control, jvm);
    control.expectMessageClass(Reply.Ok.class);
    replies.expectMessage(new Reply.Ok(c));
    replies.expectNoMessage(ManualKit.QUIET);
  }

  @Test
  void acquire_permitFreeButOthersWait_queuesBehindThem() {
    PermitState s = semaphore(0, -1);
    Peer jvm = KIT.peer();
    long a = acquire(s, replies, jvm, -1);
    assertEquals(1, state(s).waiting());
    // two permits come at once: the waiter takes the first, the newcomer the second
    send(s, new PermitState.Release(ManualKit.nextId(), null), control, jvm);
    replies.expectMessage(new Reply.Ok(a));
    long b = acquire(s, other, jvm, 0);
    other.expectMessage(new Reply.No(b));
  }

  @Test
  void acquire_noBlockNoPermit_answeredNoAtOnce() {
    PermitState s = semaphore(0, -1);
    long id = ManualKit.nextId();
    send(s, new PermitState.Acquire(id, false, 0, null, "P"), replies, KIT.peer());
    replies.expectMessage(new Reply.No(id));
    assertEquals(0, state(s).waiting(), "a try does not wait");
  }

  @Test
  void acquire_timeout_answeredNoWhenTimePassesAndNotBefore() {
    PermitState s = semaphore(0, -1);
    Peer jvm = KIT.peer();
    long a = acquire(s, replies, jvm, 100);
    assertEquals(1, state(s).waiting()); // the deadline is running from here
    KIT.timePasses(Duration.ofMillis(99));
    replies.expectNoMessage(ManualKit.QUIET);
    KIT.timePasses(Duration.ofMillis(1));
    replies.expectMessage(new Reply.No(a));
    assertEquals(0, state(s).waiting());
    release(s, control, jvm);
    control.expectMessageClass(Reply.Ok.class);
    replies.expectNoMessage(ManualKit.QUIET);
    assertEquals(1, state(s).value(), "the permit stays free: nobody waits for it");
  }

  @Test
  void acquire_grantedBeforeDeadline_noLateNo() {
    PermitState s = semaphore(0, -1);
    Peer jvm = KIT.peer();
    long a = acquire(s, replies, jvm, 100);
    long r = release(s, control, jvm);
    control.expectMessage(new Reply.Ok(r));
    replies.expectMessage(new Reply.Ok(a));
    KIT.timePasses(Duration.ofMillis(200));
    replies.expectNoMessage(ManualKit.QUIET);
    assertEquals(0, state(s).value(), "the grant stands");
  }

  @Test
  void cancel_waitingAcquire_removedAndNextReleaseGoesToTheNext() {
    PermitState s = semaphore(0, -1);
    Peer jvm = KIT.peer();
    long a = acquire(s, replies, jvm, -1);
    long b = acquire(s, other, jvm, -1);
    long cancel = ManualKit.nextId();
    send(s, new PermitState.Cancel(cancel, a, null), control, KIT.peer());
    control.expectMessage(new Reply.Ok(cancel));
    release(s, control, jvm);
    control.expectMessageClass(Reply.Ok.class);
    other.expectMessage(new Reply.Ok(b));
    replies.expectNoMessage(ManualKit.QUIET);
  }

  @Test
  void cancel_alreadyGranted_answeredNo() {
    PermitState s = semaphore(1, -1);
    long a = acquire(s, replies, KIT.peer(), -1);
    replies.expectMessage(new Reply.Ok(a));
    long cancel = ManualKit.nextId();
    send(s, new PermitState.Cancel(cancel, a, null), control, KIT.peer());
    control.expectMessage(new Reply.No(cancel));
  }

  @Test
  void release_boundedAtMax_failsTooManyTimes() {
    PermitState s = semaphore(1, 1);
    long r = release(s, replies, KIT.peer());
    Reply.Failed f = replies.expectMessageClass(Reply.Failed.class);
    assertEquals(r, f.id());
    assertTrue(f.message().contains("released too many times"), f.message());
    assertEquals(1, state(s).value());
  }

  @Test
  void release_unbounded_countsUpPastTheStart() {
    PermitState s = semaphore(1, -1);
    long r = release(s, replies, KIT.peer());
    replies.expectMessage(new Reply.Ok(r));
    assertEquals(2, state(s).value());
  }

  @Test
  void jvmDown_holderDies_itsPermitsGoToTheNextWaiter() {
    PermitState s = semaphore(1, 1);
    Peer dying = KIT.peer();
    long a = acquire(s, replies, dying, -1);
    replies.expectMessage(new Reply.Ok(a));
    long b = acquire(s, other, KIT.peer(), -1);
    other.expectNoMessage(ManualKit.QUIET);
    s.peerGone(dying);
    other.expectMessage(new Reply.Ok(b));
    PermitState.Snapshot after = state(s);
    assertTrue(after.lastDeathRelease().contains("died holding 1 permit"),
        after.lastDeathRelease());
    assertTrue(after.lastDeathRelease().contains("P-" + a), "names the holder's process");
    assertEquals(1, after.peers(), "the dead JVM is known no more");
  }

  @Test
  void jvmDown_waiterDies_droppedAndTheReleaseGoesToTheLiving() {
    PermitState s = semaphore(0, -1);
    Peer dying = KIT.peer();
    Peer living = KIT.peer();
    acquire(s, replies, dying, -1);
    long b = acquire(s, other, living, -1);
    assertEquals(2, state(s).peers());
    s.peerGone(dying);
    control.awaitAssert(() -> {
      assertEquals(new PermitState.Snapshot(0, 1, null, 1), state(s));
      return null;
    });
    release(s, control, living);
    control.expectMessageClass(Reply.Ok.class);
    other.expectMessage(new Reply.Ok(b));
    replies.expectNoMessage(ManualKit.QUIET);
  }

  @Test
  void leave_holderEndsNormally_permitStaysTakenAndItsDeathReleasesNothing() {
    PermitState s = semaphore(1, 1);
    Peer leaving = KIT.peer();
    long a = acquire(s, replies, leaving, -1);
    replies.expectMessage(new Reply.Ok(a));
    long b = acquire(s, other, KIT.peer(), -1);
    send(s, new PermitState.Leave(ManualKit.nextId()), control, leaving);
    s.peerGone(leaving);
    control.awaitAssert(() -> {
      assertEquals(1, state(s).peers());
      return null;
    });
    other.expectNoMessage(ManualKit.QUIET);
    PermitState.Snapshot after = state(s);
    assertEquals(0, after.value(), "kept taken, as under CPython");
    assertNull(after.lastDeathRelease());
    long r = release(s, control, KIT.peer()); // any process may release it later
    control.expectMessage(new Reply.Ok(r));
    other.expectMessage(new Reply.Ok(b));
  }

  @Test
  void leave_jvmWithWaiter_waiterDropped() {
    PermitState s = semaphore(0, -1);
    Peer leaving = KIT.peer();
    acquire(s, replies, leaving, -1);
    send(s, new PermitState.Leave(ManualKit.nextId()), control, leaving);
    assertEquals(0, state(s).waiting());
    release(s, control, KIT.peer());
    control.expectMessageClass(Reply.Ok.class);
    replies.expectNoMessage(ManualKit.QUIET);
    assertEquals(1, state(s).value());
  }

  @Test
  void release_byAnotherJvm_permitCountsAsTheHoldersSoItsDeathReleasesNothing() {
    PermitState s = semaphore(1, 1);
    Peer holder = KIT.peer();
    long a = acquire(s, replies, holder, -1);
    replies.expectMessage(new Reply.Ok(a));
    long r = release(s, replies, KIT.peer());
    replies.expectMessage(new Reply.Ok(r));
    s.peerGone(holder);
    control.awaitAssert(() -> {
      assertEquals(0, state(s).peers(), "a releaser is not known; the dead holder no more");
      return null;
    });
    PermitState.Snapshot after = state(s);
    assertEquals(1, after.value(), "no second permit from the holder's death");
    assertNull(after.lastDeathRelease());
  }

  @Test
  void jvmDown_deathToldTwice_permitsReleasedOnce() {
    // a JVM's end is told by Artery's watch and by its pid's watch: it may come twice
    PermitState s = semaphore(1, -1);
    Peer dying = KIT.peer();
    long a = acquire(s, replies, dying, -1);
    replies.expectMessage(new Reply.Ok(a));
    s.peerGone(dying);
    control.awaitAssert(() -> {
      assertEquals(1, state(s).value());
      return null;
    });
    s.peerGone(dying);
    assertEquals(1, state(s).value(), "an unbounded semaphore does not gain a permit");
  }
}
