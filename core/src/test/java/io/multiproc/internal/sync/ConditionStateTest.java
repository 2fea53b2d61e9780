package io.multiproc.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import io.multiproc.internal.transport.Peer;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rules of a Condition's state, without JVMs: waiters woken first come, first served, one, n
 * or all at a time; a wait's timeout (manual time); a cancelled or dead waiter never woken.
 */
class ConditionStateTest {
  @RegisterExtension
  static final ManualKit KIT = new ManualKit();

  /** Where the waiters' wake-ups come: one inbox, so their order shows. */
  private final TestProbe<Reply> woken = KIT.createTestProbe();
  private final TestProbe<Reply> control = KIT.createTestProbe();
  private final ConditionState cond = new ConditionState(SyncState.timersOf(KIT.system()));

  /** Hands {@code c} from {@code from} to the state, as a lane's reader does; answers to {@code to}. */
  private void send(ConditionState.Command c, TestProbe<Reply> to, Peer from) {
    cond.receive(c, a -> to.getRef().tell((Reply) a), from);
  }

  private void send(ConditionState.Command c, TestProbe<Reply> to) {
    send(c, to, KIT.peer());
  }

  /** Enlists a waiter of a JVM of its own (its enlisting answered at once); returns its ticket. */
  private long enlist(long timeoutMs) {
    long id = ManualKit.nextId();
    long ticket = ManualKit.nextId();
    send(new ConditionState.Enlist(id, ticket, timeoutMs, null), woken, KIT.peer());
    woken.expectMessage(new Reply.Ok(id));
    return ticket;
  }

  private void notify(int n) {
    long id = ManualKit.nextId();
    send(new ConditionState.Notify(id, n, null), control);
    control.expectMessage(new Reply.Ok(id));
  }

  private int waiting() {
    long id = ManualKit.nextId();
    send(new ConditionState.State(id, null), control);
    return (Integer) control.expectMessageClass(Reply.Answer.class).value();
  }

  @Test
  void notify_one_wakesTheFirstWaiterOnly() {
    long t1 = enlist(-1);
    long t2 = enlist(-1);
    assertEquals(2, waiting());
    notify(1);
    woken.expectMessage(new Reply.Ok(t1));
    woken.expectNoMessage(ManualKit.QUIET);
    assertEquals(1, waiting());
    notify(1);
    woken.expectMessage(new Reply.Ok(t2));
  }

  @Test
  void notify_n_wakesTheFirstNInOrder() {
    long t1 = enlist(-1);
    long t2 = enlist(-1);
    long t3 = enlist(-1);
    notify(2);
    woken.expectMessage(new Reply.Ok(t1));
    woken.expectMessage(new Reply.Ok(t2));
    woken.expectNoMessage(ManualKit.QUIET);
    assertEquals(1, waiting());
    notify(5); // more than wait: the one left
    woken.expectMessage(new Reply.Ok(t3));
    assertEquals(0, waiting());
  }

  @Test
  void notifyAll_wakesEveryWaiterInOrder() {
    long t1 = enlist(-1);
    long t2 = enlist(-1);
    long t3 = enlist(-1);
    notify(-1);
    woken.expectMessage(new Reply.Ok(t1));
    woken.expectMessage(new Reply.Ok(t2));
    woken.expectMessage(new Reply.Ok(t3));
    assertEquals(0, waiting());
  }

  @Test
  void notify_noWaiter_lostNotKeptForALaterWaiter() {
    notify(1);
    long t = enlist(-1);
    woken.expectNoMessage(ManualKit.QUIET);
    assertEquals(1, waiting());
    notify(1);
    woken.expectMessage(new Reply.Ok(t));
  }

  @Test
  void enlist_timeout_answeredNoWhenTimePassesAndNotBefore() {
    long t1 = enlist(100);
    long t2 = enlist(-1);
    KIT.timePasses(Duration.ofMillis(99));
    woken.expectNoMessage(ManualKit.QUIET);
    KIT.timePasses(Duration.ofMillis(1));
    woken.expectMessage(new Reply.No(t1));
    notify(1);
    woken.expectMessage(new Reply.Ok(t2)); // the timed-out waiter takes no notify
  }

  @Test
  void enlist_wokenBeforeTimeout_noLateNo() {
    long t = enlist(100);
    notify(1);
    woken.expectMessage(new Reply.Ok(t));
    KIT.timePasses(Duration.ofMillis(200));
    woken.expectNoMessage(ManualKit.QUIET);
  }

  @Test
  void cancel_waiter_removedAndTheNotifyGoesToTheNext() {
    long t1 = enlist(-1);
    long t2 = enlist(-1);
    long cancel = ManualKit.nextId();
    send(new ConditionState.Cancel(cancel, t1, null), control);
    control.expectMessage(new Reply.Ok(cancel));
    notify(1);
    woken.expectMessage(new Reply.Ok(t2));
    long late = ManualKit.nextId();
    send(new ConditionState.Cancel(late, t2, null), control);
    control.expectMessage(new Reply.No(late)); // woken already: the caller passes it on
  }

  @Test
  void jvmDown_waiterDies_notifyWakesTheFirstLiving() {
    Peer dying = KIT.peer();
    long id = ManualKit.nextId();
    long dead = ManualKit.nextId();
    send(new ConditionState.Enlist(id, dead, -1, null), woken, dying);
    woken.expectMessage(new Reply.Ok(id));
    long living = enlist(-1);
    cond.peerGone(dying);
    control.awaitAssert(() -> {
      assertEquals(1, waiting());
      return null;
    });
    notify(1);
    woken.expectMessage(new Reply.Ok(living));
    woken.expectNoMessage(ManualKit.QUIET);
  }
}
