package io.multiproc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What Event, Condition, Barrier, Value and Array owe a user under every start method. */
public abstract class SignalContract extends StartMethodContract {

  static void waitAndTell(Event e, Queue<String> said) {
    said.put("waiting");
    said.put("woke " + e.await());
  }

  static void condWait(Condition c, Queue<String> said, String who) {
    try (var held = c.hold()) {
      said.put(who + " waiting");
      c.await();
      said.put(who + " woke");
    }
  }

  static void condWaitForever(Condition c, Queue<String> said) {
    c.acquire();
    said.put("waiting");
    c.await(); // killed here
  }

  static void arrive(Barrier b, Queue<String> said) {
    said.put("index " + b.await());
  }

  static void arriveAndTell(Barrier b, Queue<String> said) {
    try {
      said.put("index " + b.await());
    } catch (BrokenBarrierException e) {
      said.put("broken");
    }
  }

  static void arriveForever(Barrier b, Queue<String> said) throws InterruptedException {
    said.put("arrived");
    b.await(); // killed here
  }

  static void addUnderLock(Value<Integer> v, Array<Double> a, Integer times) {
    for (int i = 0; i < times; i++) {
      try (var held = v.getLock().hold()) {
        v.set(v.get() + 1);
      }
    }
    try (var held = a.getLock().hold()) {
      a.set(0, a.get(0) + 0.5);
    }
  }

  @Test
  void event_setInParent_wakesAChild() {
    Event e = new Event();
    Queue<String> said = new Queue<>();
    Process p = ctx().process(SignalContract::waitAndTell, e, said);
    p.start();
    assertEquals("waiting", said.get());
    assertFalse(e.isSet());
    assertFalse(e.await(Duration.ofMillis(50)));
    e.set();
    assertEquals("woke true", said.get());
    assertTrue(e.isSet());
    assertTrue(e.await(Duration.ZERO));
    e.clear();
    assertFalse(e.isSet());
    p.join();
  }

  @Test
  void condition_notifyWakesFirstComeFirstServed_notifyAllTheRest() throws Exception {
    Condition c = new Condition();
    Queue<String> said = new Queue<>();
    List<Process> ps = new ArrayList<>();
    for (String who : List.of("a", "b", "c")) {
      Process p = ctx().process(SignalContract::condWait, c, said, who);
      p.start();
      ps.add(p);
      assertEquals(who + " waiting", said.get());
      SyncContract.awaitCount(c::waiting, ps.size());
    }
    try (var held = c.hold()) {
      c.signal();
    }
    assertEquals("a woke", said.get());
    try (var held = c.hold()) {
      c.signalAll();
    }
    assertEquals(Set.of("b woke", "c woke"), Set.of(said.get(), said.get()));
    ps.forEach(Process::join);
  }

  @Test
  void condition_withoutTheLock_refused_timeoutFalse_waitForPredicate() {
    Condition c = new Condition(new Lock());
    assertThrows(IllegalStateException.class, c::signal);
    assertThrows(IllegalStateException.class, () -> c.await(Duration.ZERO));
    try (var held = c.hold()) {
      assertFalse(c.await(Duration.ofMillis(50)));
      assertFalse(c.waitFor(() -> false, Duration.ofMillis(50)));
      assertTrue(c.waitFor(() -> true, null));
    }
    assertTrue(c.acquire(false, null), "the lock is free again");
    c.release();
  }

  @Test
  void condition_deadWaiterDropped_notifyReachesTheLiving() throws Exception {
    if (threads()) {
      return; // a thread cannot be killed: this is about a process that dies
    }
    Condition c = new Condition();
    Queue<String> said = new Queue<>();
    Process dead = ctx().process(SignalContract::condWaitForever, c, said);
    dead.start();
    assertEquals("waiting", said.get());
    SyncContract.awaitCount(c::waiting, 1);
    Process living = ctx().process(SignalContract::condWait, c, said, "living");
    living.start();
    assertEquals("living waiting", said.get());
    SyncContract.awaitCount(c::waiting, 2);
    dead.kill();
    dead.join();
    SyncContract.awaitCount(c::waiting, 1);
    try (var held = c.hold()) {
      c.signal();
    }
    assertEquals("living woke", said.get());
    living.join();
  }

  @Test
  void barrier_threeParties_indicesAndActionOnce() {
    Queue<String> said = new Queue<>();
    Barrier b = new Barrier(3, () -> said.put("action"), null);
    assertEquals(3, b.parties());
    Process p1 = ctx().process(SignalContract::arrive, b, said);
    Process p2 = ctx().process(SignalContract::arrive, b, said);
    p1.start();
    p2.start();
    int mine = b.await();
    List<String> got = new ArrayList<>(List.of(said.get(), said.get(), said.get()));
    got.add("index " + mine);
    got.sort(null);
    assertEquals(List.of("action", "index 0", "index 1", "index 2"), got);
    p1.join();
    p2.join();
    assertEquals(0, b.nWaiting());
    assertFalse(b.broken());
  }

  @Test
  void barrier_abortBreaksWaiters_resetMakesItUsable() throws Exception {
    Barrier b = new Barrier(2);
    Queue<String> said = new Queue<>();
    Process p = ctx().process(SignalContract::arriveAndTell, b, said);
    p.start();
    SyncContract.awaitCount(b::nWaiting, 1);
    b.abort();
    assertEquals("broken", said.get());
    assertTrue(b.broken());
    assertThrows(BrokenBarrierException.class, b::await);
    b.reset();
    assertFalse(b.broken());
    assertThrows(BrokenBarrierException.class, () -> b.await(Duration.ofMillis(50)));
    assertTrue(b.broken(), "a timeout breaks it");
    p.join();
  }

  @Test
  void barrier_partyKilledWhileWaiting_breaksItForTheOthers() throws Exception {
    if (threads()) {
      return; // a thread cannot be killed: this is about a process that dies
    }
    Barrier b = new Barrier(3);
    Queue<String> said = new Queue<>();
    Process dying = ctx().process(SignalContract::arriveForever, b, said);
    dying.start();
    assertEquals("arrived", said.get());
    SyncContract.awaitCount(b::nWaiting, 1);
    Process other = ctx().process(SignalContract::arriveAndTell, b, said);
    other.start();
    SyncContract.awaitCount(b::nWaiting, 2);
    dying.kill();
    dying.join();
    assertEquals("broken", said.get());
    assertTrue(b.broken());
    other.join();
  }

  @Test
  void valueAndArray_updatedUnderTheirLocks_byThreeProcesses() {
    Value<Integer> v = new Value<>("i", 0);
    Array<Double> a = new Array<>("d", 3);
    assertEquals(List.of(0d, 0d, 0d), a.toList());
    List<Process> ps = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ps.add(ctx().process(SignalContract::addUnderLock, v, a, 100));
    }
    ps.forEach(Process::start);
    ps.forEach(Process::join);
    assertEquals(300, v.get());
    assertEquals(1.5, a.get(0));
    assertEquals(3, a.length());
    assertThrows(IndexOutOfBoundsException.class, () -> a.get(3));
    assertThrows(IllegalArgumentException.class, () -> new Value<>("x", 1));
    Value<Object> raw = new Value<>("i", (Object) 1, false);
    assertThrows(IllegalStateException.class, raw::getLock);
    assertThrows(IllegalArgumentException.class, () -> raw.set("text"));
    Array<Integer> fromValues = new Array<>("i", List.of(1, 2, 3));
    fromValues.set(2, 30);
    assertEquals(List.of(1, 2, 30), fromValues.toList());
  }
}
