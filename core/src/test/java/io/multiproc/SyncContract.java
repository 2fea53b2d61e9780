package io.multiproc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiproc.internal.ProcessRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** What Lock, RLock, Semaphore and BoundedSemaphore owe a user under every start method. */
public abstract class SyncContract extends StartMethodContract {

  /** Waits, at most 60 s, until {@code count} reaches {@code n}: it polls the primitive's count. */
  static void awaitCount(IntSupplier count, int n) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (count.getAsInt() != n) {
      assertTrue(System.nanoTime() < deadline, "the count never became " + n);
      Thread.sleep(10);
    }
  }

  static void holdUntil(Acquirable lock, Queue<String> said, Event go) {
    lock.acquire();
    said.put("held");
    go.await();
    lock.release();
  }

  static void holdForever(Acquirable lock, Queue<String> said) throws InterruptedException {
    lock.acquire();
    said.put("held");
    Thread.sleep(Long.MAX_VALUE); // killed here
  }

  static void releaseAndTell(Acquirable lock, Queue<String> said) {
    try {
      lock.release();
      said.put("released");
    } catch (IllegalStateException e) {
      said.put(e.getMessage());
    }
  }

  static void increment(Acquirable lock, String file, Integer times) throws Exception {
    Path f = Path.of(file);
    for (int i = 0; i < times; i++) {
      try (var held = lock.hold()) {
        int n = Integer.parseInt(Files.readString(f).trim());
        Files.writeString(f, Integer.toString(n + 1));
      }
    }
  }

  static void takeAndTell(Acquirable lock, Queue<String> said, String who) {
    lock.acquire();
    said.put(who);
    lock.release();
  }

  @Test
  void lock_heldByAChild_triesFail_thenFreeAfterItsRelease() {
    Lock lock = new Lock();
    Queue<String> said = new Queue<>();
    Event go = new Event();
    Process p = ctx().process(SyncContract::holdUntil, lock, said, go);
    p.start();
    assertEquals("held", said.get());
    assertFalse(lock.acquire(false, null));
    assertFalse(lock.acquire(true, Duration.ofMillis(100)));
    go.set();
    assertTrue(lock.acquire());
    lock.release();
    p.join();
    assertEquals(0, p.exitcode());
  }

  @Test
  void lock_releaseWhenUnlocked_fails() {
    Lock lock = new Lock();
    IllegalStateException e = assertThrows(IllegalStateException.class, lock::release);
    assertEquals("release unlocked lock", e.getMessage());
    lock.acquire();
    lock.release();
    assertThrows(IllegalStateException.class, lock::release);
  }

  @Test
  void lock_releasedByAnotherProcess_isFree() {
    Lock lock = new Lock();
    Queue<String> said = new Queue<>();
    lock.acquire();
    Process p = ctx().process(SyncContract::releaseAndTell, lock, said);
    p.start();
    assertEquals("released", said.get());
    p.join();
    assertTrue(lock.acquire(false, null));
    lock.release();
  }

  @Test
  void lock_threeProcessesIncrementAFile_noUpdateLost() throws Exception {
    Lock lock = new Lock();
    Path file = Files.createTempFile("multiproc-lock", ".txt");
    Files.writeString(file, "0");
    List<Process> ps = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ps.add(ctx().process(SyncContract::increment, lock, file.toString(), 200));
    }
    ps.forEach(Process::start);
    increment(lock, file.toString(), 200);
    ps.forEach(Process::join);
    assertEquals("800", Files.readString(file));
    Files.delete(file);
  }

  @Test
  void lock_waiters_servedFirstComeFirstServed() throws Exception {
    Lock lock = new Lock();
    lock.acquire();
    assertFirstComeFirstServed(lock, lock::waiting);
  }

  /**
   * Two processes come, one after the other, to wait for {@code lock}, which this process holds
   * (or which has no permit); {@code waiting} counts them. Released once, it goes to the first.
   */
  private void assertFirstComeFirstServed(Acquirable lock, IntSupplier waiting)
      throws InterruptedException {
    Queue<String> said = new Queue<>();
    List<Process> ps = new ArrayList<>();
    for (String who : List.of("first", "second")) {
      Process p = ctx().process(SyncContract::takeAndTell, lock, said, who);
      p.start();
      ps.add(p);
      awaitCount(waiting, ps.size());
    }
    lock.release();
    assertEquals("first", said.get());
    assertEquals("second", said.get());
    ps.forEach(Process::join);
  }

  @Test
  void lock_withTryWithResources_releasedAfterTheBlock() {
    Lock lock = new Lock();
    try (var held = lock.hold()) {
      assertFalse(lock.acquire(false, null));
    }
    assertTrue(lock.acquire(false, null));
    lock.release();
  }

  @Test
  void rlock_reentrant_onlyTheOwnerReleases() {
    RLock lock = new RLock();
    Queue<String> said = new Queue<>();
    assertTrue(lock.acquire());
    assertTrue(lock.acquire());
    Process p = ctx().process(SyncContract::releaseAndTell, lock, said);
    p.start();
    assertEquals("cannot release un-acquired lock", said.get());
    p.join();
    lock.release();
    lock.release();
    assertThrows(IllegalStateException.class, lock::release);
    try (var held = lock.hold()) {
      assertEquals(0, lock.snapshot().value());
    }
    assertEquals(1, lock.snapshot().value());
  }

  @Test
  void semaphore_countsPermits_boundedRefusesOverRelease() {
    Semaphore sem = new Semaphore(2);
    assertTrue(sem.acquire());
    assertTrue(sem.acquire(false, null));
    assertFalse(sem.acquire(false, null));
    assertFalse(sem.acquire(true, Duration.ofMillis(50)));
    assertEquals(0, sem.getValue());
    sem.release();
    sem.release();
    sem.release(); // a plain Semaphore may go above its start value
    assertEquals(3, sem.getValue());
    BoundedSemaphore bounded = new BoundedSemaphore(1);
    IllegalStateException e = assertThrows(IllegalStateException.class, bounded::release);
    assertEquals("semaphore or lock released too many times", e.getMessage());
  }

  @Test
  void semaphore_waiters_servedFirstComeFirstServed() throws Exception {
    Semaphore sem = new Semaphore(0);
    assertFirstComeFirstServed(sem, () -> sem.snapshot().waiting());
  }

  @Test
  void lock_holderKilled_lockFreedAndLoggedWithNameAndPid() throws Exception {
    Lock lock = new Lock();
    assertHolderDeathFrees(lock, () -> lock.snapshot().lastDeathRelease());
  }

  @Test
  void rlock_holderKilled_lockFreedAndLogged() throws Exception {
    RLock lock = new RLock();
    assertHolderDeathFrees(lock, () -> lock.snapshot().lastDeathRelease());
  }

  @Test
  void semaphore_holderKilled_permitFreedAndLogged() throws Exception {
    Semaphore sem = new Semaphore(1);
    assertHolderDeathFrees(sem, () -> sem.snapshot().lastDeathRelease());
  }

  private void assertHolderDeathFrees(Acquirable lock,
      java.util.function.Supplier<String> deathNote) {
    if (threads()) {
      return; // a thread cannot be killed: this is about a process that dies
    }
    Queue<String> said = new Queue<>();
    Process p = ctx().process(SyncContract::holdForever, lock, said);
    p.start();
    assertEquals("held", said.get());
    assertFalse(lock.acquire(false, null));
    p.kill();
    p.join();
    assertEquals(-9, p.exitcode());
    assertTrue(lock.acquire(true, Duration.ofSeconds(60)), "the dead holder's lock was freed");
    String note = deathNote.get();
    assertTrue(note.contains(p.name()) && note.contains("pid " + p.pid()), note);
    lock.release();
  }

  @Test
  void acquire_negativeTimeout_refused() {
    for (Acquirable a : List.of(new Lock(), new RLock(), new Semaphore(1),
        new BoundedSemaphore(1))) {
      SignalContract.assertNegativeTimeoutRefused(() -> a.acquire(true, Duration.ofMillis(-1)));
      assertTrue(a.acquire(false, null), a + " is still free");
      a.release();
    }
  }

  static void makeAndWait(Queue<Object> out) throws InterruptedException {
    out.put(new Lock());
    out.put(new Lock());
    out.put(new RLock());
    out.put(new Semaphore(0));
    Thread.sleep(Long.MAX_VALUE); // killed here
  }

  @Test
  void primitives_ownerKilled_callsFailWithOwnerGone() throws Exception {
    if (threads()) {
      return; // a thread cannot be killed: this is about a process that dies
    }
    Queue<Object> out = new Queue<>();
    Process owner = ctx().process(SyncContract::makeAndWait, out);
    owner.start();
    Lock leased = (Lock) out.get();
    Lock lock = (Lock) out.get();
    RLock rlock = (RLock) out.get();
    Semaphore sem = (Semaphore) out.get();
    assertTrue(leased.acquire(true, Duration.ofSeconds(60)));
    leased.release(); // this process keeps the lease
    CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(
        () -> sem.acquire(true, Duration.ofSeconds(120)));
    awaitCount(() -> sem.snapshot().waiting(), 1);
    owner.kill();
    owner.join();
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> waiting.get(60, TimeUnit.SECONDS), "a wait under way ends with its owner");
    assertTrue(e.getCause() instanceof OwnerGoneError, e.getCause().toString());
    for (Acquirable a : List.of(lock, rlock, sem)) {
      OwnerGoneError gone = assertThrows(OwnerGoneError.class,
          () -> a.acquire(true, Duration.ofSeconds(2)), a.toString());
      assertTrue(gone.getMessage().contains("pid " + owner.pid()), gone.getMessage());
    }
    assertThrows(OwnerGoneError.class, sem::release);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) { // the lease ends once this process learns of the owner's end
      try {
        assertTrue(leased.acquire(false, null));
        leased.release();
      } catch (OwnerGoneError expected) {
        break;
      }
      assertTrue(System.nanoTime() < deadline, "the lease outlived its lock's process");
      Thread.sleep(10);
    }
  }

  static void acquireAndTell(Lock lock, Queue<String> said, Integer timeoutMs) {
    said.put("waiting");
    boolean got = lock.acquire(true, Duration.ofMillis(timeoutMs));
    said.put(got + (ProcessRuntime.startedSystem() == null ? " without" : " with")
        + " an ActorSystem");
    if (got) {
      lock.release();
    }
  }

  @Test
  void lock_holderKilled_waitingChildGetsItOverItsLane() throws Exception {
    Assumptions.assumeTrue(startMethod().equals("spawn") && ProcessRuntime.settings().lanes(),
        "a spawned child that uses lanes only has no ActorSystem to start");
    Lock lock = new Lock();
    Queue<String> said = new Queue<>();
    Queue<String> waiterSaid = new Queue<>();
    Process holder = ctx().process(SyncContract::holdForever, lock, said);
    holder.start();
    assertEquals("held", said.get());
    Process waiter = ctx().process(SyncContract::acquireAndTell, lock, waiterSaid, 120_000);
    waiter.start();
    assertEquals("waiting", waiterSaid.get());
    awaitCount(lock::waiting, 1);
    holder.kill();
    holder.join();
    // the holder's lane ends with it, the lock goes to the waiter over the waiter's own lane
    assertEquals("true without an ActorSystem", waiterSaid.get());
    waiter.join();
    // and a child that comes after the death is known gets it well within a short timeout
    Process late = ctx().process(SyncContract::acquireAndTell, lock, waiterSaid, 1500);
    late.start();
    assertEquals("waiting", waiterSaid.get());
    assertEquals("true without an ActorSystem", waiterSaid.get());
    late.join();
    assertEquals(0, late.exitcode());
  }

  static void acquireAndReturn(Acquirable lock) {
    lock.acquire(); // and returns holding it: exit code 0
  }

  /**
   * Waits until {@code p}'s JVM has ended and the primitive's actor handled that end (it watches
   * {@code peers} JVMs, none once the child's end is known); at once for a thread.
   */
  static void awaitJvmGone(Process p, IntSupplier peers) throws Exception {
    if (p.pid() == ProcessHandle.current().pid()) {
      return;
    }
    ProcessHandle.of(p.pid()).ifPresent(h -> h.onExit().join());
    awaitCount(peers, 0);
  }

  @Test
  void semaphores_keptByAChildThatReturns_parentReleasesThem() throws Exception {
    Semaphore sem = new Semaphore(1);
    BoundedSemaphore bounded = new BoundedSemaphore(1);
    Process p = ctx().process(SyncContract::acquireAndReturn, sem);
    Process q = ctx().process(SyncContract::acquireAndReturn, bounded);
    p.start();
    q.start();
    p.join();
    q.join();
    assertEquals(0, p.exitcode());
    assertEquals(0, q.exitcode());
    awaitJvmGone(p, () -> sem.snapshot().peers());
    awaitJvmGone(q, () -> bounded.snapshot().peers());
    // CPython: a semaphore is a counter; a process that ended normally gives nothing back
    assertEquals(0, sem.getValue());
    sem.release();
    assertEquals(1, sem.getValue());
    bounded.release();
    IllegalStateException e = assertThrows(IllegalStateException.class, bounded::release);
    assertEquals("semaphore or lock released too many times", e.getMessage());
  }

  @Test
  void lock_heldByAChildThatReturns_staysLockedUntilReleased() throws Exception {
    Lock lock = new Lock();
    Process p = ctx().process(SyncContract::acquireAndReturn, lock);
    p.start();
    p.join();
    assertEquals(0, p.exitcode());
    awaitJvmGone(p, () -> lock.snapshot().peers());
    assertFalse(lock.acquire(false, null), "the lock was given back by a child that returned");
    lock.release(); // any process may release a Lock
    assertTrue(lock.acquire(false, null));
    lock.release();
  }

  @Test
  void semaphore_acquireInterrupted_leavesNoWaiter_nextPermitGoesToTheLiving() throws Exception {
    Semaphore sem = new Semaphore(0);
    Interrupts.interruptWhileWaiting(sem::acquire, () -> sem.snapshot().waiting(), () -> { });
    assertEquals(0, sem.snapshot().waiting(), "the interrupted acquire still waits");
    sem.release();
    assertTrue(sem.acquire(false, null), "the permit went to the interrupted acquire");
  }

  @Test
  void rlock_acquireInterrupted_leavesNoWaiter_nextOwnerGetsIt() throws Exception {
    RLock lock = new RLock();
    lock.acquire();
    Interrupts.interruptWhileWaiting(lock::acquire, () -> lock.snapshot().waiting(), () -> { });
    assertEquals(0, lock.snapshot().waiting(), "the interrupted acquire still waits");
    lock.release();
    CompletableFuture<Boolean> other = CompletableFuture.supplyAsync(() -> {
      boolean got = lock.acquire(false, null);
      if (got) {
        lock.release();
      }
      return got;
    });
    assertTrue(other.get(60, TimeUnit.SECONDS), "the lock went to the interrupted acquire");
  }

  @Test
  void lock_acquireInterruptedWhileAChildHoldsIt_nothingLeftRegistered() throws Exception {
    Lock lock = new Lock();
    Queue<String> said = new Queue<>();
    Event go = new Event();
    Process p = ctx().process(SyncContract::holdUntil, lock, said, go);
    p.start();
    assertEquals("held", said.get());
    Interrupts.interruptWhileWaiting(lock::acquire, lock::waiting, () -> { });
    assertEquals(0, lock.waiting(), "the interrupted acquire still waits");
    go.set();
    assertTrue(lock.acquire(true, Duration.ofSeconds(60)), "the lock went to the interrupted"
        + " acquire");
    lock.release();
    p.join();
    assertEquals(0, p.exitcode());
  }
}
