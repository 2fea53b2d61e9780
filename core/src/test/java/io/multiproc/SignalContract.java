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

  static void writeThenHold(Value<Integer> v, Queue<String> said) throws InterruptedException {
    v.getLock().acquire();
    v.set(v.get() + 41);
    said.put("written");
    Thread.sleep(Long.MAX_VALUE); // killed here, holding the lock and the value's lease
  }

  @Test
  void value_writtenUnderItsLockByAProcessThenKilled_theWriteRemainsAndIsReadHere() {
    if (threads()) {
      return; // a thread cannot be killed: this is about a process that dies
    }
    Value<Integer> v = new Value<>("i", 1);
    assertEquals(1, v.get()); // the lock's lease, and a copy of the value, are here now
    Queue<String> said = new Queue<>();
    Process p = ctx().process(SignalContract::writeThenHold, v, said);
    p.start();
    assertEquals("written", said.get());
    p.kill();
    p.join();
    assertEquals(42, v.get(), "the killed holder's write was lost, or a stale copy was read");
    try (var held = v.getLock().hold()) {
      v.set(v.get() + 1);
    }
    assertEquals(43, v.get());
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

  @Test
  void value_numbersConvertedExactly_nullAndOutOfRangeRefusedWithWhatToPass() {
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> new Value<>("i", null));
    assertTrue(none.getMessage().contains("not null"), none.getMessage());
    Value<Number> d = new Value<>("d", 1); // CPython's Value('d', 1)
    assertEquals(1.0, d.get());
    d.set(2L);
    assertEquals(2.0, d.get());
    IllegalArgumentException inexact = assertThrows(IllegalArgumentException.class,
        () -> d.set((1L << 53) + 1));
    assertTrue(inexact.getMessage().contains("exactly"), inexact.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Value<Number>("i", 1.5));
    assertRange("b", "-128..127", 300);
    assertRange("B", "0..255", -1);
    assertRange("h", "-32768..32767", 40_000);
    assertRange("H", "0..65535", 65_536);
    assertRange("i", "-2147483648..2147483647", 1L << 31);
    assertRange("I", "0..4294967295", 1L << 32);
    assertRange("Q", "0..9223372036854775807", -1);
    Value<Number> b = new Value<>("b", 127);
    assertEquals((byte) 127, b.get());
    Array<Number> a = new Array<>("h", List.of(1, 2));
    assertEquals(List.of((short) 1, (short) 2), a.toList());
    IllegalArgumentException set = assertThrows(IllegalArgumentException.class,
        () -> a.set(0, 40_000));
    assertTrue(set.getMessage().contains("-32768..32767"), set.getMessage());
    IllegalArgumentException element = assertThrows(IllegalArgumentException.class,
        () -> new Array<Number>("b", List.of(1, 300)));
    assertTrue(element.getMessage().contains("element 1")
        && element.getMessage().contains("-128..127"), element.getMessage());
  }

  @Test
  void valueAndArray_typeCodeCheckedFirst_evenForNoElements_nullsRefusedWithWhatToDo() {
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
        () -> new Array<>("x", List.of())); // CPython: Array('x', []) raises
    assertTrue(empty.getMessage().contains("unknown type code 'x'"), empty.getMessage());
    IllegalArgumentException noList = assertThrows(IllegalArgumentException.class,
        () -> new Array<>("x", (List<Object>) null));
    assertTrue(noList.getMessage().contains("unknown type code 'x'"), noList.getMessage());
    NullPointerException nullList = assertThrows(NullPointerException.class,
        () -> new Array<>("i", (List<Integer>) null));
    assertTrue(nullList.getMessage() != null && nullList.getMessage().contains("size"),
        String.valueOf(nullList.getMessage()));
    IllegalArgumentException value = assertThrows(IllegalArgumentException.class,
        () -> new Value<>("x", null));
    assertTrue(value.getMessage().contains("unknown type code 'x'"), value.getMessage());
    NullPointerException nullLock = assertThrows(NullPointerException.class,
        () -> new Value<>("i", 0, (Acquirable) null));
    assertTrue(nullLock.getMessage() != null && nullLock.getMessage().contains("lock"),
        String.valueOf(nullLock.getMessage()));
    assertEquals(0, new Array<Integer>("i", List.of()).length());
  }

  private static void assertRange(String typecode, String range, Number outside) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Value<Number>(typecode, outside, false));
    assertTrue(e.getMessage().contains(range), e.getMessage());
  }

  @Test
  void waits_negativeTimeout_refused() {
    Event e = new Event();
    assertNegativeTimeoutRefused(() -> e.await(Duration.ofMillis(-1)));
    Barrier b = new Barrier(2);
    assertNegativeTimeoutRefused(() -> b.await(Duration.ofMillis(-1)));
    assertFalse(b.broken(), "a refused wait does not break the barrier");
    assertNegativeTimeoutRefused(() -> new Barrier(2, null, Duration.ofSeconds(-1)));
    Condition c = new Condition();
    assertNegativeTimeoutRefused(() -> c.acquire(true, Duration.ofMillis(-1)));
    try (var held = c.hold()) {
      assertNegativeTimeoutRefused(() -> c.await(Duration.ofMillis(-1)));
      assertNegativeTimeoutRefused(() -> c.waitFor(() -> false, Duration.ofMillis(-1)));
    }
    Value<Integer> v = new Value<>("i", 0);
    assertNegativeTimeoutRefused(() -> v.getLock().acquire(true, Duration.ofMillis(-1)));
  }

  static void assertNegativeTimeoutRefused(org.junit.jupiter.api.function.Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains("timeout must be zero or more"), e.getMessage());
  }

  static void makeSignalsAndWait(Queue<Object> out) throws InterruptedException {
    out.put(new Event());
    out.put(new Condition());
    out.put(new Barrier(2));
    out.put(new Value<>("i", 7, false));
    Thread.sleep(Long.MAX_VALUE); // killed here
  }

  @Test
  @SuppressWarnings("unchecked")
  void signals_ownerKilled_callsFailWithOwnerGone() {
    if (threads()) {
      return; // a thread cannot be killed: this is about a process that dies
    }
    Queue<Object> out = new Queue<>();
    Process owner = ctx().process(SignalContract::makeSignalsAndWait, out);
    owner.start();
    Event e = (Event) out.get();
    Condition c = (Condition) out.get();
    Barrier b = (Barrier) out.get();
    Value<Integer> v = (Value<Integer>) out.get();
    assertEquals(7, v.get());
    owner.kill();
    owner.join();
    assertThrows(OwnerGoneError.class, () -> e.await(Duration.ofSeconds(2)));
    assertThrows(OwnerGoneError.class, () -> c.acquire(true, Duration.ofSeconds(2)));
    assertThrows(OwnerGoneError.class, () -> b.await(Duration.ofSeconds(2)));
    assertThrows(OwnerGoneError.class, v::get);
  }

  static boolean awaitSignal(Condition c, Duration timeout) {
    try (var held = c.hold()) {
      return c.await(timeout);
    }
  }

  private void conditionInterrupted(Condition c) throws Exception {
    // the interrupted thread is in the condition's own JVM: the worst case
    Interrupts.interruptWhileWaiting(() -> {
      c.acquire();
      c.await();
    }, c::waiting, c::release); // as CPython: the wait raised holding the lock again
    assertEquals(0, c.waiting(), "the interrupted waiter is still registered");
    assertTrue(c.acquire(false, null), "the lock is held by nobody after the interrupt");
    c.release();
    java.util.concurrent.CompletableFuture<Boolean> live =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> awaitSignal(c, Duration.ofSeconds(60)));
    SyncContract.awaitCount(c::waiting, 1);
    try (var held = c.hold()) {
      c.signal();
    }
    assertTrue(live.get(90, java.util.concurrent.TimeUnit.SECONDS),
        "the live waiter was not woken by the notify");
  }

  @Test
  void condition_awaitInterrupted_holdsTheLockAgain_nextNotifyGoesToTheLiving()
      throws Exception {
    conditionInterrupted(new Condition());
    conditionInterrupted(new Condition(new Lock()));
  }

  @Test
  void event_awaitInterrupted_raisesAndKeepsTheFlag() throws Exception {
    Event e = new Event();
    java.util.concurrent.atomic.AtomicInteger started =
        new java.util.concurrent.atomic.AtomicInteger();
    Interrupts.interruptWhileWaiting(() -> {
      started.set(1);
      e.await();
    }, started::get, () -> { });
    e.set();
    assertTrue(e.await(Duration.ZERO));
  }

  @Test
  void barrier_awaitInterrupted_partyLeaves_roundGoesOnWithoutIt() throws Exception {
    Barrier b = new Barrier(2);
    Interrupts.interruptWhileWaiting(b::await, b::nWaiting, () -> { });
    assertEquals(0, b.nWaiting(), "the interrupted party still waits");
    assertFalse(b.broken());
    java.util.concurrent.CompletableFuture<Integer> first =
        java.util.concurrent.CompletableFuture.supplyAsync(b::await);
    SyncContract.awaitCount(b::nWaiting, 1);
    assertEquals(1, b.await() + first.get(60, java.util.concurrent.TimeUnit.SECONDS));
  }
}
