package io.multiproc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every factory of {@link Context}, as CPython's {@code BaseContext}, gives a working object (in
 * the "thread" context: the objects do not depend on the start method).
 */
class ContextTest {
  private final Context ctx = Multiprocessing.getContext("thread");

  static void relay(Queue<String> in, Connection out) throws Exception {
    out.send("relayed " + in.get());
  }

  @Test
  void queues_putAndGet_boundsKept_joinableCountsTasks() throws Exception {
    Queue<String> q = ctx.queue();
    q.put("a");
    assertEquals("a", q.get());
    Queue<Integer> bounded = ctx.queue(1);
    bounded.put(1);
    assertEquals(1, bounded.maxsize());
    assertThrows(Queue.Full.class, () -> bounded.putNowait(2));
    SimpleQueue<String> simple = ctx.simpleQueue();
    assertTrue(simple.empty());
    simple.put("s");
    assertEquals("s", simple.get());
    JoinableQueue<String> jq = ctx.joinableQueue();
    jq.put("task");
    assertEquals("task", jq.get());
    jq.taskDone();
    jq.join();
    JoinableQueue<String> boundedJq = ctx.joinableQueue(2);
    assertEquals(2, boundedJq.maxsize());
  }

  @Test
  void pipes_duplexAndOneWay_reachAProcessOfTheContext() throws Exception {
    Pipe duplex = ctx.pipe();
    Queue<String> in = ctx.queue();
    Process p = ctx.process(ContextTest::relay, in, duplex.right());
    p.start();
    in.put("hello");
    assertEquals("relayed hello", duplex.left().recv());
    p.join();
    assertEquals(0, p.exitcode());
    Pipe oneWay = ctx.pipe(false);
    assertFalse(oneWay.left().writable());
    oneWay.right().send(7);
    assertEquals(7, oneWay.left().recv());
  }

  @Test
  void locksAndSemaphores_acquireAndRelease() {
    Lock lock = ctx.lock();
    assertTrue(lock.acquire());
    assertFalse(lock.acquire(false, null));
    lock.release();
    RLock rlock = ctx.rLock();
    assertTrue(rlock.acquire());
    assertTrue(rlock.acquire(false, null)); // its owner may take it again
    rlock.release();
    rlock.release();
    assertEquals(1, ctx.semaphore().getValue());
    Semaphore sem = ctx.semaphore(3);
    assertTrue(sem.acquire());
    assertEquals(2, sem.getValue());
    BoundedSemaphore one = ctx.boundedSemaphore();
    assertThrows(IllegalStateException.class, one::release);
    BoundedSemaphore two = ctx.boundedSemaphore(2);
    assertTrue(two.acquire());
    two.release();
    assertThrows(IllegalStateException.class, two::release);
  }

  @Test
  void eventConditionBarrier_work() {
    Event e = ctx.event();
    assertFalse(e.isSet());
    e.set();
    assertTrue(e.await(Duration.ZERO));
    Condition c = ctx.condition();
    try (var held = c.hold()) {
      assertFalse(c.await(Duration.ofMillis(1))); // nobody notifies: the wait times out
    }
    Lock lock = ctx.lock();
    Condition over = ctx.condition(lock);
    try (var held = over.hold()) {
      assertFalse(lock.acquire(false, null)); // the condition holds its lock
    }
    assertEquals(0, ctx.barrier(1).await());
    Barrier b = ctx.barrier(1, null, Duration.ofSeconds(5));
    assertEquals(1, b.parties());
    assertEquals(0, b.await());
  }

  @Test
  void valuesAndArrays_holdTheirTypeCode() {
    Value<Integer> v = ctx.value("i", 1);
    try (var held = v.getLock().hold()) {
      v.set(v.get() + 1);
    }
    assertEquals(2, v.get());
    Value<Integer> raw = ctx.value("i", 0, false);
    assertThrows(IllegalStateException.class, raw::getLock);
    Lock lock = ctx.lock();
    assertEquals(lock, ctx.value("d", 0.5, lock).getLock());
    Array<Double> zeros = ctx.array("d", 2);
    assertEquals(List.of(0d, 0d), zeros.toList());
    Array<Integer> a = ctx.array("i", List.of(1, 2));
    a.set(1, 3);
    assertEquals(List.of(1, 3), a.toList());
    Array<Integer> rawArray = ctx.array("i", List.of(4), false);
    assertThrows(IllegalStateException.class, rawArray::getLock);
    assertThrows(IllegalArgumentException.class, () -> ctx.array("x", List.of()));
  }
}
