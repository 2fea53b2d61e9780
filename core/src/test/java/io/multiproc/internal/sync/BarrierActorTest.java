package io.multiproc.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rules of a Barrier's actor, without JVMs: it trips when the parties arrived (each told its
 * arrival index), runs the action through the last party, and breaks on a timeout (manual time),
 * abort, reset, a failed action and a waiting party's death.
 */
class BarrierActorTest {
  @RegisterExtension
  static final ManualKit KIT = new ManualKit();

  /** Where the parties' answers come: one inbox, so their order shows. */
  private final TestProbe<Reply> parties = KIT.createTestProbe();
  private final TestProbe<Reply> control = KIT.createTestProbe();

  private long arrive(ActorRef<BarrierActor.Command> barrier, long timeoutMs, ActorRef<?> jvm) {
    long id = ManualKit.nextId();
    barrier.tell(new BarrierActor.Arrive(id, timeoutMs, parties.getRef(), jvm));
    return id;
  }

  private long arrive(ActorRef<BarrierActor.Command> barrier, long timeoutMs) {
    return arrive(barrier, timeoutMs, KIT.jvm());
  }

  private BarrierActor.Snapshot state(ActorRef<BarrierActor.Command> barrier) {
    long id = ManualKit.nextId();
    barrier.tell(new BarrierActor.State(id, control.getRef()));
    Reply r = control.receiveMessage();
    assertEquals(id, r.id());
    return (BarrierActor.Snapshot) ((Reply.Answer) r).value();
  }

  /** Expects {@code expected} next on the parties' inbox, letting {@code stray} pass before it. */
  private void expectPassingStray(Reply expected, Reply stray) {
    parties.fishForMessage(Duration.ofSeconds(3), m -> m.equals(expected)
        ? FishingOutcomes.complete()
        : m.equals(stray) ? FishingOutcomes.continueAndIgnore()
        : FishingOutcomes.fail("unexpected " + m));
  }

  private Reply ask(ActorRef<BarrierActor.Command> barrier, BarrierActor.Command c) {
    barrier.tell(c);
    return control.receiveMessage();
  }

  @Test
  void arrive_allParties_tripsWithArrivalIndices() {
    ActorRef<BarrierActor.Command> b = KIT.spawn(BarrierActor.create(3, false));
    long p0 = arrive(b, -1);
    long p1 = arrive(b, -1);
    parties.expectNoMessage(ManualKit.QUIET);
    assertEquals(new BarrierActor.Snapshot(2, false), state(b));
    long p2 = arrive(b, -1);
    parties.expectMessage(new Reply.Answer(p0, 0));
    parties.expectMessage(new Reply.Answer(p1, 1));
    parties.expectMessage(new Reply.Answer(p2, 2));
    assertEquals(new BarrierActor.Snapshot(0, false), state(b));
  }

  @Test
  void arrive_afterATrip_nextRoundStartsAfresh() {
    ActorRef<BarrierActor.Command> b = KIT.spawn(BarrierActor.create(2, false));
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
    ActorRef<BarrierActor.Command> b = KIT.spawn(BarrierActor.create(2, true));
    long p0 = arrive(b, -1);
    long p1 = arrive(b, -1);
    parties.expectMessage(new Reply.Answer(p1, BarrierActor.RUN_ACTION));
    parties.expectNoMessage(ManualKit.QUIET); // the first waits for the action
    long done = ManualKit.nextId();
    assertEquals(new Reply.Answer(done, 1), ask(b, new BarrierActor.ActionDone(done, true,
        control.getRef())));
    parties.expectMessage(new Reply.Answer(p0, 0));
  }

  @Test
  void actionDone_actionFailed_barrierBroken() {
    ActorRef<BarrierActor.Command> b = KIT.spawn(BarrierActor.create(2, true));
    long p0 = arrive(b, -1);
    long p1 = arrive(b, -1);
    parties.expectMessage(new Reply.Answer(p1, BarrierActor.RUN_ACTION));
    long done = ManualKit.nextId();
    assertEquals(new Reply.No(done), ask(b, new BarrierActor.ActionDone(done, false,
        control.getRef())));
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
    ActorRef<BarrierActor.Command> b = KIT.spawn(BarrierActor.create(2, true));
    long p0 = arrive(b, 100);
    long p1 = arrive(b, -1);
    parties.expectMessage(new Reply.Answer(p1, BarrierActor.RUN_ACTION));
    KIT.timePasses(Duration.ofMillis(200));
    long done = ManualKit.nextId();
    assertEquals(new Reply.Answer(done, 1), ask(b, new BarrierActor.ActionDone(done, true,
        control.getRef())));
    parties.expectMessage(new Reply.Answer(p0, 0));
    assertEquals(new BarrierActor.Snapshot(0, false), state(b));
  }

  @Test
  void arrive_whileTheActionRuns_belongsToTheNextRound() {
    ActorRef<BarrierActor.Command> b = KIT.spawn(BarrierActor.create(2, true));
    long p0 = arrive(b, -1);
    long p1 = arrive(b, -1);
    parties.expectMessage(new Reply.Answer(p1, BarrierActor.RUN_ACTION));
    long q0 = arrive(b, -1);
    parties.expectNoMessage(ManualKit.QUIET);
    long done = ManualKit.nextId();
    assertEquals(new Reply.Answer(done, 1), ask(b, new BarrierActor.ActionDone(done, true,
        control.getRef())));
    parties.expectMessage(new Reply.Answer(p0, 0));
    parties.expectNoMessage(ManualKit.QUIET); // q0 waits in the new round
    assertEquals(new BarrierActor.Snapshot(1, false), state(b));
    long q1 = arrive(b, -1);
    parties.expectMessage(new Reply.Answer(q1, BarrierActor.RUN_ACTION));
    long cancel = ManualKit.nextId();
    assertEquals(new Reply.No(cancel), ask(b, new BarrierActor.Cancel(cancel, q0,
        control.getRef())), "the round is complete while its action runs: too late to leave");
  }

  @Test
  void arrive_timeout_breaksTheBarrierWhenTimePassesAndNotBefore() {
    ActorRef<BarrierActor.Command> b = KIT.spawn(BarrierActor.create(3, false));
    long p0 = arrive(b, -1);
    long p1 = arrive(b, 100);
    assertEquals(2, state(b).waiting()); // the deadline is running from here
    KIT.timePasses(Duration.ofMillis(99));
    parties.expectNoMessage(ManualKit.QUIET);
    KIT.timePasses(Duration.ofMillis(1));
    parties.expectMessage(new Reply.No(p0));
    parties.expectMessage(new Reply.No(p1));
    assertEquals(new BarrierActor.Snapshot(0, true), state(b));
    long late = arrive(b, -1);
    parties.expectMessage(new Reply.No(late));
  }

  @Test
  void arrive_trippedBeforeTimeout_noLateBreak() {
    ActorRef<BarrierActor.Command> b = KIT.spawn(BarrierActor.create(2, false));
    long p0 = arrive(b, 100);
    long p1 = arrive(b, -1);
    parties.expectMessage(new Reply.Answer(p0, 0));
    parties.expectMessage(new Reply.Answer(p1, 1));
    KIT.timePasses(Duration.ofMillis(200));
    assertEquals(new BarrierActor.Snapshot(0, false), state(b));
  }

  @Test
  void abort_waiters_failAndBarrierStaysBrokenUntilReset() {
    ActorRef<BarrierActor.Command> b = KIT.spawn(BarrierActor.create(2, false));
    long p0 = arrive(b, -1);
    long abort = ManualKit.nextId();
    assertEquals(new Reply.Ok(abort), ask(b, new BarrierActor.Abort(abort, control.getRef())));
    parties.expectMessage(new Reply.No(p0));
    long late = arrive(b, -1);
    parties.expectMessage(new Reply.No(late));
    long reset = ManualKit.nextId();
    assertEquals(new Reply.Ok(reset), ask(b, new BarrierActor.Reset(reset, control.getRef())));
    assertEquals(new BarrierActor.Snapshot(0, false), state(b));
    long q0 = arrive(b, -1);
    long q1 = arrive(b, -1);
    parties.expectMessage(new Reply.Answer(q0, 0));
    parties.expectMessage(new Reply.Answer(q1, 1));
  }

  @Test
  void reset_waiters_failAndBarrierUsableAtOnce() {
    ActorRef<BarrierActor.Command> b = KIT.spawn(BarrierActor.create(2, false));
    long p0 = arrive(b, -1);
    long reset = ManualKit.nextId();
    assertEquals(new Reply.Ok(reset), ask(b, new BarrierActor.Reset(reset, control.getRef())));
    parties.expectMessage(new Reply.No(p0));
    long q0 = arrive(b, -1);
    long q1 = arrive(b, -1);
    parties.expectMessage(new Reply.Answer(q0, 0));
    parties.expectMessage(new Reply.Answer(q1, 1));
  }

  @Test
  void cancel_waitingParty_leavesAndTheRoundGoesOnWithoutIt() {
    ActorRef<BarrierActor.Command> b = KIT.spawn(BarrierActor.create(3, false));
    long p0 = arrive(b, -1);
    long p1 = arrive(b, -1);
    long cancel = ManualKit.nextId();
    assertEquals(new Reply.Ok(cancel), ask(b, new BarrierActor.Cancel(cancel, p0,
        control.getRef())));
    long p2 = arrive(b, -1);
    parties.expectNoMessage(ManualKit.QUIET); // two of three now
    assertEquals(new BarrierActor.Snapshot(2, false), state(b));
    long p3 = arrive(b, -1);
    parties.expectMessage(new Reply.Answer(p1, 0));
    parties.expectMessage(new Reply.Answer(p2, 1));
    parties.expectMessage(new Reply.Answer(p3, 2));
    long late = ManualKit.nextId();
    assertEquals(new Reply.No(late), ask(b, new BarrierActor.Cancel(late, p1,
        control.getRef())), "answered already");
  }

  @Test
  void jvmDown_waitingPartyDies_barrierBroken() {
    ActorRef<BarrierActor.Command> b = KIT.spawn(BarrierActor.create(3, false));
    ActorRef<Object> dying = KIT.jvm();
    long p0 = arrive(b, -1);
    long p1 = arrive(b, -1, dying);
    assertEquals(2, state(b).waiting());
    KIT.stop(dying);
    parties.expectMessage(new Reply.No(p0));
    parties.expectMessage(new Reply.No(p1));
    assertEquals(new BarrierActor.Snapshot(0, true), state(b));
  }

  @Test
  void reset_whileTheActionRuns_roundPassesThenTheResetApplies() {
    // CPython: a reset waits for the condition's lock, which the party running the action holds,
    // so the complete round passes for every party; here all parties must at least agree
    ActorRef<BarrierActor.Command> b = KIT.spawn(BarrierActor.create(2, true));
    long p0 = arrive(b, -1);
    long p1 = arrive(b, -1);
    parties.expectMessage(new Reply.Answer(p1, BarrierActor.RUN_ACTION));
    long reset = ManualKit.nextId();
    b.tell(new BarrierActor.Reset(reset, control.getRef()));
    long done = ManualKit.nextId();
    b.tell(new BarrierActor.ActionDone(done, true, control.getRef()));
    control.expectMessage(new Reply.Answer(done, 1)); // the round passes first
    control.expectMessage(new Reply.Ok(reset));
    parties.expectMessage(new Reply.Answer(p0, 0));
    assertEquals(new BarrierActor.Snapshot(0, false), state(b));
  }

  @Test
  void abort_whileTheActionRuns_roundPassesThenTheBarrierIsBroken() {
    ActorRef<BarrierActor.Command> b = KIT.spawn(BarrierActor.create(2, true));
    long p0 = arrive(b, -1);
    long p1 = arrive(b, -1);
    parties.expectMessage(new Reply.Answer(p1, BarrierActor.RUN_ACTION));
    long abort = ManualKit.nextId();
    b.tell(new BarrierActor.Abort(abort, control.getRef()));
    long done = ManualKit.nextId();
    b.tell(new BarrierActor.ActionDone(done, true, control.getRef()));
    control.expectMessage(new Reply.Answer(done, 1)); // the round passes first
    control.expectMessage(new Reply.Ok(abort));
    parties.expectMessage(new Reply.Answer(p0, 0));
    assertEquals(new BarrierActor.Snapshot(0, true), state(b));
    long late = arrive(b, -1);
    parties.expectMessage(new Reply.No(late));
  }
}
