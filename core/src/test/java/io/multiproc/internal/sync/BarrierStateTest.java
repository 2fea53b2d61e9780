package io.multiproc.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import io.multiproc.internal.transport.Peer;
import org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rules of a Barrier's state, without JVMs: it trips when the parties arrived (each told its
 * arrival index), runs the action through the last party, and breaks on a timeout (manual time),
 * abort, reset, a failed action and a waiting party's death.
 */
class BarrierStateTest {
  @RegisterExtension
  static final ManualKit KIT = new ManualKit();

  /** Where the parties' answers come: one inbox, so their order shows. */
  private final TestProbe<Reply> parties = KIT.createTestProbe();
  private final TestProbe<Reply> control = KIT.createTestProbe();

  private static BarrierState barrier(int parties, boolean hasAction) {
    return new BarrierState(parties, hasAction, SyncState.timersOf(KIT.system()));
  }

  /**
   * Hands {@code c} to the state from {@code from}, as a lane's reader does; answers to
   * {@code to}.
   */
  private static void send(BarrierState b, BarrierState.Command c, TestProbe<Reply> to,
      Peer from) {
    b.receive(c, a -> to.getRef().tell((Reply) a), from);
  }

  /** Hands {@code c} to the state from a peer of its own; answers to {@code control}. */
  private void tell(BarrierState b, BarrierState.Command c) {
    send(b, c, control, KIT.peer());
  }

  private long arrive(BarrierState barrier, long timeoutMs, Peer jvm) {
    long id = ManualKit.nextId();
    send(barrier, new BarrierState.Arrive(id, timeoutMs, null), parties, jvm);
    return id;
  }

  private long arrive(BarrierState barrier, long timeoutMs) {
    return arrive(barrier, timeoutMs, KIT.peer());
  }

  private BarrierState.Snapshot state(BarrierState barrier) {
    long id = ManualKit.nextId();
    tell(barrier, new BarrierState.State(id, null));
    Reply r = control.receiveMessage();
    assertEquals(id, r.id());
    return (BarrierState.Snapshot) ((Reply.Answer) r).value();
  }

  /** Expects {@code expected} next on the parties' inbox, letting {@code stray} pass before it. */
  private void expectPassingStray(Reply expected, Reply stray) {
    parties.fishForMessage(Duration.ofSeconds(3), m -> m.equals(expected)
        ? FishingOutcomes.complete()
        : m.equals(stray) ? FishingOutcomes.continueAndIgnore()
        : FishingOutcomes.fail("unexpected " + m));
  }

  private Reply ask(BarrierState barrier, BarrierState.Command c) {
    tell(barrier, c);
    return control.receiveMessage();
  }

  @Test
  void arrive_allParties_tripsWithArrivalIndices() {
    BarrierState b = barrier(3, false);
    long p0 = arrive(b, -1);
    long p1 = arrive(b, -1);
    parties.expectNoMessage(ManualKit.QUIET);
    assertEquals(new BarrierState.Snapshot(2, false), state(b));
    long p2 = arrive(b, -1);
    parties.expectMessage(new Reply.Answer(p0, 0));
    parties.expectMessage(new Reply.Answer(p1, 1));
    parties.expectMessage(new Reply.Answer(p2, 2));
    assertEquals(new BarrierState.Snapshot(0, false), state(b));
  }

  @Test
  void arrive_afterATrip_nextRoundStartsAfresh() {
    BarrierState b = barrier(2, false);
    long p0 = arrive(b, -1);
    long p1 = arrive(b, -1);
    parties.expectMessage(new Reply.Answer(p0, 0));
    parties.expectMessage(new Reply.Answer(p1, 1));
    long q0 = arrive(b, -1);
    parties.expectNoMessage(ManualKit.QUIET);
    long q1 = arrive(b, -1);
    parties.expectMessage(new Reply.Answer(q0, 0));
    parties.expectMessage(new Reply.Answer(q1, 1));
  }

  @Test
  void arrive_withAction_lastPartyRunsItThenAllGoOn() {
    BarrierState b = barrier(2, true);
    long p0 = arrive(b, -1);
    long p1 = arrive(b, -1);
    parties.expectMessage(new Reply.Answer(p1, BarrierState.RUN_ACTION));
    parties.expectNoMessage(ManualKit.QUIET); // the first waits for the action
    long done = ManualKit.nextId();
    assertEquals(new Reply.Answer(done, 1), ask(b, new BarrierState.ActionDone(done, true, null)));
    parties.expectMessage(new Reply.Answer(p0, 0));
  }

  @Test
  void actionDone_actionFailed_barrierBroken() {
    BarrierState b = barrier(2, true);
    long p0 = arrive(b, -1);
    long p1 = arrive(b, -1);
    parties.expectMessage(new Reply.Answer(p1, BarrierState.RUN_ACTION));
    long done = ManualKit.nextId();
    assertEquals(new Reply.No(done), ask(b, new BarrierState.ActionDone(done, false, null)));
    // the last party's arrive, answered RUN_ACTION already, may be answered No again: a stray its
    // JVM drops (nothing waits for that id any more), so it is let pass here
    expectPassingStray(new Reply.No(p0), new Reply.No(p1));
    long late = arrive(b, -1);
    expectPassingStray(new Reply.No(late), new Reply.No(p1));
  }

  @Test
  void arrive_timeoutWhileTheActionRuns_roundStillTrips() {
    // CPython: the round is complete once the last party arrived; a waiter whose timeout passes
    // while the action runs gets the lock back after it and sees the barrier passed, not broken
    BarrierState b = barrier(2, true);
    long p0 = arrive(b, 100);
    long p1 = arrive(b, -1);
    parties.expectMessage(new Reply.Answer(p1, BarrierState.RUN_ACTION));
    KIT.timePasses(Duration.ofMillis(200));
    long done = ManualKit.nextId();
    assertEquals(new Reply.Answer(done, 1), ask(b, new BarrierState.ActionDone(done, true, null)));
    parties.expectMessage(new Reply.Answer(p0, 0));
    assertEquals(new BarrierState.Snapshot(0, false), state(b));
  }

  @Test
  void arrive_whileTheActionRuns_belongsToTheNextRound() {
    BarrierState b = barrier(2, true);
    long p0 = arrive(b, -1);
    long p1 = arrive(b, -1);
    parties.expectMessage(new Reply.Answer(p1, BarrierState.RUN_ACTION));
    long q0 = arrive(b, -1);
    parties.expectNoMessage(ManualKit.QUIET);
    long done = ManualKit.nextId();
    assertEquals(new Reply.Answer(done, 1), ask(b, new BarrierState.ActionDone(done, true, null)));
    parties.expectMessage(new Reply.Answer(p0, 0));
    parties.expectNoMessage(ManualKit.QUIET); // q0 waits in the new round
    assertEquals(new BarrierState.Snapshot(1, false), state(b));
    long q1 = arrive(b, -1);
    parties.expectMessage(new Reply.Answer(q1, BarrierState.RUN_ACTION));
    long cancel = ManualKit.nextId();
    assertEquals(new Reply.No(cancel), ask(b, new BarrierState.Cancel(cancel, q0, null)),
        "the round is complete while its action runs: too late to leave");
  }

  @Test
  void arrive_timeout_breaksTheBarrierWhenTimePassesAndNotBefore() {
    BarrierState b = barrier(3, false);
    long p0 = arrive(b, -1);
    long p1 = arrive(b, 100);
    assertEquals(2, state(b).waiting()); // the deadline is running from here
    KIT.timePasses(Duration.ofMillis(99));
    parties.expectNoMessage(ManualKit.QUIET);
    KIT.timePasses(Duration.ofMillis(1));
    parties.expectMessage(new Reply.No(p0));
    parties.expectMessage(new Reply.No(p1));
    assertEquals(new BarrierState.Snapshot(0, true), state(b));
    long late = arrive(b, -1);
    parties.expectMessage(new Reply.No(late));
  }

  @Test
  void arrive_trippedBeforeTimeout_noLateBreak() {
    BarrierState b = barrier(2, false);
    long p0 = arrive(b, 100);
    long p1 = arrive(b, -1);
    parties.expectMessage(new Reply.Answer(p0, 0));
    parties.expectMessage(new Reply.Answer(p1, 1));
    KIT.timePasses(Duration.ofMillis(200));
    assertEquals(new BarrierState.Snapshot(0, false), state(b));
  }

  @Test
  void abort_waiters_failAndBarrierStaysBrokenUntilReset() {
    BarrierState b = barrier(2, false);
    long p0 = arrive(b, -1);
    long abort = ManualKit.nextId();
    assertEquals(new Reply.Ok(abort), ask(b, new BarrierState.Abort(abort, null)));
    parties.expectMessage(new Reply.No(p0));
    long late = arrive(b, -1);
    parties.expectMessage(new Reply.No(late));
    long reset = ManualKit.nextId();
    assertEquals(new Reply.Ok(reset), ask(b, new BarrierState.Reset(reset, null)));
    assertEquals(new BarrierState.Snapshot(0, false), state(b));
    long q0 = arrive(b, -1);
    long q1 = arrive(b, -1);
    parties.expectMessage(new Reply.Answer(q0, 0));
    parties.expectMessage(new Reply.Answer(q1, 1));
  }

  @Test
  void reset_waiters_failAndBarrierUsableAtOnce() {
    BarrierState b = barrier(2, false);
    long p0 = arrive(b, -1);
    long reset = ManualKit.nextId();
    assertEquals(new Reply.Ok(reset), ask(b, new BarrierState.Reset(reset, null)));
    parties.expectMessage(new Reply.No(p0));
    long q0 = arrive(b, -1);
    long q1 = arrive(b, -1);
    parties.expectMessage(new Reply.Answer(q0, 0));
    parties.expectMessage(new Reply.Answer(q1, 1));
  }

  @Test
  void cancel_waitingParty_leavesAndTheRoundGoesOnWithoutIt() {
    BarrierState b = barrier(3, false);
    long p0 = arrive(b, -1);
    long p1 = arrive(b, -1);
    long cancel = ManualKit.nextId();
    assertEquals(new Reply.Ok(cancel), ask(b, new BarrierState.Cancel(cancel, p0, null)));
    long p2 = arrive(b, -1);
    parties.expectNoMessage(ManualKit.QUIET); // two of three now
    assertEquals(new BarrierState.Snapshot(2, false), state(b));
    long p3 = arrive(b, -1);
    parties.expectMessage(new Reply.Answer(p1, 0));
    parties.expectMessage(new Reply.Answer(p2, 1));
    parties.expectMessage(new Reply.Answer(p3, 2));
    long late = ManualKit.nextId();
    assertEquals(new Reply.No(late), ask(b, new BarrierState.Cancel(late, p1, null)),
        "answered already");
  }

  @Test
  void jvmDown_waitingPartyDies_barrierBroken() {
    BarrierState b = barrier(3, false);
    Peer dying = KIT.peer();
    long p0 = arrive(b, -1);
    long p1 = arrive(b, -1, dying);
    assertEquals(2, state(b).waiting());
    b.peerGone(dying);
    parties.expectMessage(new Reply.No(p0));
    parties.expectMessage(new Reply.No(p1));
    assertEquals(new BarrierState.Snapshot(0, true), state(b));
  }

  @Test
  void reset_whileTheActionRuns_roundPassesThenTheResetApplies() {
    // CPython: a reset waits for the condition's lock, which the party running the action holds,
    // so the complete round passes for every party; here all parties must at least agree
    BarrierState b = barrier(2, true);
    long p0 = arrive(b, -1);
    long p1 = arrive(b, -1);
    parties.expectMessage(new Reply.Answer(p1, BarrierState.RUN_ACTION));
    long reset = ManualKit.nextId();
    tell(b, new BarrierState.Reset(reset, null));
    long done = ManualKit.nextId();
    tell(b, new BarrierState.ActionDone(done, true, null));
    control.expectMessage(new Reply.Answer(done, 1)); // the round passes first
    control.expectMessage(new Reply.Ok(reset));
    parties.expectMessage(new Reply.Answer(p0, 0));
    assertEquals(new BarrierState.Snapshot(0, false), state(b));
  }

  @Test
  void abort_whileTheActionRuns_roundPassesThenTheBarrierIsBroken() {
    BarrierState b = barrier(2, true);
    long p0 = arrive(b, -1);
    long p1 = arrive(b, -1);
    parties.expectMessage(new Reply.Answer(p1, BarrierState.RUN_ACTION));
    long abort = ManualKit.nextId();
    tell(b, new BarrierState.Abort(abort, null));
    long done = ManualKit.nextId();
    tell(b, new BarrierState.ActionDone(done, true, null));
    control.expectMessage(new Reply.Answer(done, 1)); // the round passes first
    control.expectMessage(new Reply.Ok(abort));
    parties.expectMessage(new Reply.Answer(p0, 0));
    assertEquals(new BarrierState.Snapshot(0, true), state(b));
    long late = arrive(b, -1);
    parties.expectMessage(new Reply.No(late));
  }

  @Test
  void jvmDown_partyDiesWhileTheActionRuns_roundStillPasses() {
    // the round is complete once the last party arrived: as a deadline then, a death breaks nothing
    BarrierState b = barrier(3, true);
    Peer dying = KIT.peer();
    long p0 = arrive(b, -1);
    arrive(b, -1, dying);
    long p2 = arrive(b, -1);
    parties.expectMessage(new Reply.Answer(p2, BarrierState.RUN_ACTION));
    b.peerGone(dying);
    long done = ManualKit.nextId();
    assertEquals(new Reply.Answer(done, 2), ask(b, new BarrierState.ActionDone(done, true, null)));
    parties.expectMessage(new Reply.Answer(p0, 0));
    assertEquals(new BarrierState.Snapshot(0, false), state(b));
  }

  @Test
  void jvmDown_thePartyRunningTheActionDies_roundBroken() {
    // its ActionDone can never come: the others would wait for ever
    BarrierState b = barrier(2, true);
    Peer dying = KIT.peer();
    long p0 = arrive(b, -1);
    long p1 = arrive(b, -1, dying);
    parties.expectMessage(new Reply.Answer(p1, BarrierState.RUN_ACTION));
    b.peerGone(dying);
    expectPassingStray(new Reply.No(p0), new Reply.No(p1));
    assertEquals(new BarrierState.Snapshot(0, true), state(b));
  }

  @Test
  void jvmDown_partyOfTheNextRoundDies_nextRoundBroken() {
    // it waited, for the next round, while the action ran: its death breaks that round, as a
    // waiting party's does, instead of counting it as arrived
    BarrierState b = barrier(2, true);
    Peer dying = KIT.peer();
    long p0 = arrive(b, -1);
    long p1 = arrive(b, -1);
    parties.expectMessage(new Reply.Answer(p1, BarrierState.RUN_ACTION));
    arrive(b, -1, dying);
    b.peerGone(dying);
    long done = ManualKit.nextId();
    assertEquals(new Reply.Answer(done, 1), ask(b, new BarrierState.ActionDone(done, true, null)));
    parties.expectMessage(new Reply.Answer(p0, 0));
    long q1 = arrive(b, -1);
    parties.expectMessage(new Reply.No(q1));
    assertEquals(new BarrierState.Snapshot(0, true), state(b));
  }
}
