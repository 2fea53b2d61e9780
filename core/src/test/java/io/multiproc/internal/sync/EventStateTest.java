package io.multiproc.internal.sync;

import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import io.multiproc.internal.transport.Peer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rules of an Event's state, without JVMs: set wakes every waiter and lets later waits pass,
 * clear makes them wait again, a wait's timeout (manual time), cancel, a dead JVM's waiter dropped.
 */
class EventStateTest {
  @RegisterExtension
  static final ManualKit KIT = new ManualKit();

  /** Where the waiters' answers come: one inbox, so their order shows. */
  private final TestProbe<Reply> waiters = KIT.createTestProbe();
  private final TestProbe<Reply> control = KIT.createTestProbe();
  private final EventState event = new EventState(SyncState.timersOf(KIT.system()));
  /** The peer whose requests these are, unless a test names another. */
  private final Peer here = KIT.peer();

  /** Hands {@code c} from {@code from} to the state, as a lane's reader does; answers to {@code to}. */
  private void send(EventState.Command c, TestProbe<Reply> to, Peer from) {
    event.receive(c, a -> to.getRef().tell((Reply) a), from);
  }

  private void send(EventState.Command c, TestProbe<Reply> to) {
    send(c, to, here);
  }

  private long await(long timeoutMs, Peer from) {
    long id = ManualKit.nextId();
    send(new EventState.Wait(id, timeoutMs, null), waiters, from);
    return id;
  }

  private long await(long timeoutMs) {
    return await(timeoutMs, here);
  }

  private void set() {
    long id = ManualKit.nextId();
    send(new EventState.SetFlag(id, null), control);
    control.expectMessage(new Reply.Ok(id));
  }

  private void clear() {
    long id = ManualKit.nextId();
    send(new EventState.Clear(id, null), control);
    control.expectMessage(new Reply.Ok(id));
  }

  /** Whether the flag is set; also proves that what was sent before it was handled. */
  private Reply isSet() {
    long id = ManualKit.nextId();
    send(new EventState.IsSet(id, null), control);
    return control.receiveMessage();
  }

  @Test
  void set_waiters_everyWaiterWokenInOrder() {
    long w1 = await(-1);
    long w2 = await(-1);
    long w3 = await(5_000);
    waiters.expectNoMessage(ManualKit.QUIET);
    set();
    waiters.expectMessage(new Reply.Ok(w1));
    waiters.expectMessage(new Reply.Ok(w2));
    waiters.expectMessage(new Reply.Ok(w3));
    KIT.timePasses(Duration.ofSeconds(10));
    waiters.expectNoMessage(ManualKit.QUIET); // woken: the deadline was cancelled
  }

  @Test
  void wait_flagSet_answeredOkAtOnce() {
    set();
    long w = await(-1);
    waiters.expectMessage(new Reply.Ok(w));
    long t = await(0);
    waiters.expectMessage(new Reply.Ok(t));
  }

  @Test
  void wait_notSetNoWait_answeredNoAtOnce() {
    long t = await(0);
    waiters.expectMessage(new Reply.No(t));
    set();
    waiters.expectNoMessage(ManualKit.QUIET); // a poll does not wait
  }

  @Test
  void wait_timeout_answeredNoWhenTimePassesAndNotBefore() {
    long w = await(100);
    long forever = await(-1);
    isSet(); // the deadline is running from here
    KIT.timePasses(Duration.ofMillis(99));
    waiters.expectNoMessage(ManualKit.QUIET);
    KIT.timePasses(Duration.ofMillis(1));
    waiters.expectMessage(new Reply.No(w));
    set();
    waiters.expectMessage(new Reply.Ok(forever)); // the timed-out wait is answered once only
    waiters.expectNoMessage(ManualKit.QUIET);
  }

  @Test
  void clear_afterSet_isSetFalseAndWaitsWaitAgain() {
    set();
    waiters.expectNoMessage(ManualKit.QUIET);
    long id = ManualKit.nextId();
    send(new EventState.IsSet(id, null), control);
    control.expectMessage(new Reply.Ok(id));
    clear();
    long id2 = ManualKit.nextId();
    send(new EventState.IsSet(id2, null), control);
    control.expectMessage(new Reply.No(id2));
    long w = await(-1);
    waiters.expectNoMessage(ManualKit.QUIET);
    set();
    waiters.expectMessage(new Reply.Ok(w));
  }

  @Test
  void cancel_waiter_removedAndNotWokenBySet() {
    long w1 = await(-1);
    long w2 = await(-1);
    long cancel = ManualKit.nextId();
    send(new EventState.Cancel(cancel, w1, null), control);
    control.expectMessage(new Reply.Ok(cancel));
    set();
    waiters.expectMessage(new Reply.Ok(w2));
    waiters.expectNoMessage(ManualKit.QUIET);
    long late = ManualKit.nextId();
    send(new EventState.Cancel(late, w2, null), control);
    control.expectMessage(new Reply.No(late)); // answered already
  }

  @Test
  void jvmDown_waiterDies_droppedAndNotWoken() {
    // the death is told as a lane's end or the gateway's watch tells it
    Peer dying = KIT.peer();
    await(-1, dying);
    long living = await(-1);
    event.peerGone(dying);
    set();
    waiters.expectMessage(new Reply.Ok(living));
    waiters.expectNoMessage(ManualKit.QUIET);
  }
}
