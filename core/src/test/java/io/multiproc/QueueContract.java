package io.multiproc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/** What Queue, JoinableQueue and SimpleQueue owe a user under every start method. */
public abstract class QueueContract extends StartMethodContract {

  /** A user record travelling as an item. */
  record Point(int x, String label) implements Serializable {}

  static void putList(Queue<Object> q) {
    q.put(Arrays.asList(42, null, "heelo"));
  }

  static void putRange(Queue<Integer> q, Integer from, Integer to) {
    for (int i = from; i < to; i++) {
      q.put(i);
    }
  }

  static void echoUntilNull(Queue<Object> in, Queue<Object> out) {
    Object o;
    while ((o = in.get()) != null) {
      out.put(o);
    }
  }

  /** Gets one item, passes it on, then waits elsewhere (on nothing a queue does) until ended. */
  static void passOnThenWait(Queue<Object> in, Queue<Object> out) throws InterruptedException {
    out.put(in.get());
    new java.util.concurrent.CountDownLatch(1).await(); // ended by the test
  }

  static void worker(JoinableQueue<Integer> q, Queue<Integer> done) {
    Integer i;
    while ((i = q.get()) != null) {
      done.put(i * i);
      q.taskDone();
    }
    q.taskDone();
  }

  @Test
  void childPuts_parentGets_theList() {
    Queue<Object> q = new Queue<>();
    Process p = ctx().process(QueueContract::putList, q);
    p.start();
    assertEquals(Arrays.asList(42, null, "heelo"), q.get());
    p.join();
    assertEquals(0, p.exitcode());
  }

  @Test
  void items_ofEveryKind_roundTripThroughAChild() {
    Queue<Object> in = new Queue<>();
    Queue<Object> out = new Queue<>();
    Process p = ctx().process(QueueContract::echoUntilNull, in, out);
    p.start();
    List<Object> items = List.of("text", 3, 2.5, List.of(1, List.of(2, 3)), Map.of("k", "v"),
        new Point(1, "a"), Long.MAX_VALUE);
    for (Object o : items) {
      in.put(o);
    }
    in.put(null);
    for (Object o : items) {
      assertEquals(o, out.get());
    }
    p.join();
  }

  @Test
  void twoProducers_everyItemOnce_perProducerOrderKept() {
    Queue<Integer> q = new Queue<>();
    Process a = ctx().process(QueueContract::putRange, q, 0, 100);
    Process b = ctx().process(QueueContract::putRange, q, 1000, 1100);
    a.start();
    b.start();
    List<Integer> got = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      got.add(q.get());
    }
    a.join();
    b.join();
    assertEquals(200, new HashSet<>(got).size());
    assertEquals(got.stream().filter(i -> i < 1000).toList(),
        java.util.stream.IntStream.range(0, 100).boxed().toList());
    assertEquals(got.stream().filter(i -> i >= 1000).toList(),
        java.util.stream.IntStream.range(1000, 1100).boxed().toList());
    assertTrue(q.empty());
  }

  @Test
  void bounded_fullQsizeEmpty_asCPython() {
    Queue<Integer> q = new Queue<>(3);
    q.put(1);
    q.put(2);
    q.put(3);
    assertTrue(q.full());
    assertEquals(3, q.qsize());
    assertThrows(Queue.Full.class, () -> q.putNowait(4));
    assertThrows(Queue.Full.class, () -> q.put(4, true, Duration.ofMillis(100)));
    assertEquals(1, q.get());
    assertEquals(2, q.get());
    assertEquals(3, q.getNowait());
    assertTrue(q.empty());
    assertThrows(Queue.Empty.class, q::getNowait);
    assertThrows(Queue.Empty.class, () -> q.get(true, Duration.ofMillis(100)));
  }

  @Test
  void blockedPut_proceedsWhenAChildMakesRoom() {
    Queue<Integer> q = new Queue<>(1);
    q.put(0);
    Queue<Integer> sink = new Queue<>();
    Process p = ctx().process(QueueContract::drain, q, sink, 3);
    p.start();
    q.put(1); // waits until the child took 0
    q.put(2);
    p.join();
    assertEquals(List.of(0, 1, 2), List.of(sink.get(), sink.get(), sink.get()));
  }

  static void drain(Queue<Integer> q, Queue<Integer> sink, Integer n) {
    for (int i = 0; i < n; i++) {
      sink.put(q.get());
    }
  }

  @Test
  void unsendableItem_failsInPut_queueStaysUsable() {
    Queue<Object> q = new Queue<>();
    PicklingError e = assertThrows(PicklingError.class, () -> q.put(new ReentrantLock()));
    assertTrue(e.getMessage().contains("java.util.concurrent.locks.ReentrantLock"), e.getMessage());
    q.put("still works");
    assertEquals("still works", q.get());
  }

  @Test
  void closedQueue_refusesUse_clearly() {
    Queue<Object> q = new Queue<>();
    q.close();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> q.put(1));
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
    assertThrows(IllegalStateException.class, q::get);
    q.joinThread();
    q.cancelJoinThread();
  }

  @Test
  void joinable_joinWaitsForEveryTaskDone_tooManyTaskDoneRefused() {
    JoinableQueue<Integer> q = new JoinableQueue<>();
    Queue<Integer> done = new Queue<>();
    Process w = ctx().process(QueueContract::worker, q, done);
    w.setDaemon(true);
    w.start();
    for (int i = 0; i < 10; i++) {
      q.put(i);
    }
    q.join();
    Set<Integer> squares = new HashSet<>();
    for (int i = 0; i < 10; i++) {
      squares.add(done.getNowait()); // all done before join returned
    }
    assertEquals(Set.of(0, 1, 4, 9, 16, 25, 36, 49, 64, 81), squares);
    q.put(null); // the worker's sentinel
    w.join();
    assertEquals(0, w.exitcode());
    IllegalStateException e = assertThrows(IllegalStateException.class, q::taskDone);
    assertTrue(e.getMessage().contains("too many times"), e.getMessage());
  }

  /**
   * What one process sends to the objects of another JVM arrives in the order it was sent, on
   * every route: each result is put (pipelined, so it may be held back to go in a batch) on one
   * queue before its task_done on another, so once join() returned every result is there.
   */
  @Test
  void order_putOnOneQueueThenTaskDoneOnAnother_joinSeesEveryResult() {
    int tasks = 200;
    int each = 100;
    JoinableQueue<Integer> q = new JoinableQueue<>();
    Queue<Integer> done = new Queue<>();
    Process w = ctx().process(QueueContract::burstWorker, q, done, each);
    w.setDaemon(true);
    w.start();
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < tasks; i++) {
        q.put(i);
      }
      q.join();
      assertEquals(tasks * each, done.qsize(), "results there when join() returned, round "
          + round);
      for (int i = 0; i < tasks * each; i++) {
        done.getNowait();
      }
    }
    q.put(null);
    w.join();
    assertEquals(0, w.exitcode());
  }

  /** For each task, puts {@code each} results in a burst, then marks the task done. */
  static void burstWorker(JoinableQueue<Integer> q, Queue<Integer> done, Integer each) {
    Integer i;
    while ((i = q.get()) != null) {
      for (int k = 0; k < each; k++) {
        done.put(i);
      }
      q.taskDone();
    }
    q.taskDone();
  }

  static void makeQueueAndWait(Queue<Object> out) throws InterruptedException {
    out.put(new Queue<String>());
    out.put(Pipe.open(true).left());
    Thread.sleep(Long.MAX_VALUE); // killed here
  }

  /**
   * A queue or pipe whose JVM is killed fails every call with the one error for an owner that is
   * gone, on every route: a get under way (or about to be) as soon as the end is known, later
   * calls at once.
   */
  @Test
  void queueAndPipe_ownerKilled_callsFailWithOwnerGone() throws Exception {
    if (threads()) {
      return; // a thread cannot be killed: this is about a process that dies
    }
    Queue<Object> out = new Queue<>();
    Process owner = ctx().process(QueueContract::makeQueueAndWait, out);
    owner.start();
    @SuppressWarnings("unchecked")
    Queue<String> q = (Queue<String>) out.get();
    Connection end = (Connection) out.get();
    q.put("there"); // reached, and the route chosen
    assertEquals("there", q.get());
    java.util.concurrent.CompletableFuture<String> waiting =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> q.get(true, Duration.ofSeconds(120)));
    owner.kill();
    owner.join();
    java.util.concurrent.ExecutionException e = assertThrows(
        java.util.concurrent.ExecutionException.class,
        () -> waiting.get(60, java.util.concurrent.TimeUnit.SECONDS),
        "a get under way ends with the queue's owner");
    assertTrue(e.getCause() instanceof OwnerGoneError, e.getCause().toString());
    OwnerGoneError gone = assertThrows(OwnerGoneError.class, () -> q.get(true, Duration.ofSeconds(2)));
    assertTrue(gone.getMessage().contains("pid " + owner.pid()), gone.getMessage());
    assertThrows(OwnerGoneError.class, () -> end.poll(Duration.ofSeconds(2)));
  }

  @Test
  void simpleQueue_putGetEmpty() {
    SimpleQueue<String> q = new SimpleQueue<>();
    assertTrue(q.empty());
    Process p = ctx().process(QueueContract::putOne, q);
    p.start();
    assertEquals("from child", q.get());
    p.join();
    assertTrue(q.empty());
    q.close();
  }

  static void putOne(SimpleQueue<String> q) {
    q.put("from child");
  }

  @Test
  void getters_servedFirstComeFirstServed() throws Exception {
    Queue<Integer> q = new Queue<>();
    Queue<String> order = new Queue<>();
    Process first = ctx().process(QueueContract::takeAndReport, q, order, "first");
    first.start();
    assertEquals("first waiting", order.get());
    awaitWaitingGetters(q, 1); // the first get reached the queue
    Process second = ctx().process(QueueContract::takeAndReport, q, order, "second");
    second.start();
    assertEquals("second waiting", order.get());
    awaitWaitingGetters(q, 2); // and the second one after it
    q.put(1);
    q.put(2);
    first.join();
    second.join();
    Set<String> got = Set.of(order.get(), order.get());
    assertEquals(Set.of("first got 1", "second got 2"), got);
  }

  /** Waits, at most 60 s, until {@code n} gets wait at the queue. */
  static void awaitWaitingGetters(Queue<?> q, int n) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (q.sizes().waitingGetters() < n) {
      assertTrue(System.nanoTime() < deadline, "fewer than " + n + " getters came to wait");
      Thread.sleep(10); // polls the queue's own count
    }
  }

  static void takeAndReport(Queue<Integer> q, Queue<String> order, String who) {
    order.put(who + " waiting");
    order.put(who + " got " + q.get());
  }

  @Test
  void bigItem_32MiB_passesToAChildAndBack() {
    Queue<Object> in = new Queue<>();
    Queue<Object> out = new Queue<>();
    Process p = ctx().process(QueueContract::echoUntilNull, in, out);
    p.start();
    byte[] big = new byte[32 * 1024 * 1024 + 7];
    for (int i = 0; i < big.length; i += 4093) {
      big[i] = (byte) i;
    }
    in.put(big);
    in.put("small after big");
    in.put(null);
    assertTrue(Arrays.equals(big, (byte[]) out.get()));
    assertEquals("small after big", out.get());
    p.join();
    assertEquals(0, p.exitcode());
  }

  static void consume(Queue<String> q) {
    System.out.println("consumer got " + q.get()); // never: it is killed while waiting
  }

  /**
   * Interrupts a thread of this process blocked in {@code q.get()} once its get waits at the
   * queue, says how the get ended, then gets the next item itself.
   */
  static void interruptGetThenGet(Queue<String> q, Queue<String> out) throws Exception {
    String[] ended = new String[1];
    Thread getter = new Thread(() -> {
      try {
        ended[0] = "got " + q.get();
      } catch (ProcessError e) {
        ended[0] = "interrupted, flag " + Thread.currentThread().isInterrupted();
      }
    });
    getter.start();
    awaitWaitingGetters(q, 1);
    getter.interrupt();
    getter.join();
    out.put(ended[0] + ", " + q.sizes().waitingGetters() + " waiting");
    out.put("then got " + q.get(true, Duration.ofSeconds(20)));
  }

  @Test
  void interruptedGet_leavesNoWaiter_nextItemGoesToTheNextGet() throws Exception {
    Queue<String> q = new Queue<>();
    Queue<String> out = new Queue<>();
    Process p = ctx().process(QueueContract::interruptGetThenGet, q, out);
    p.start();
    // the interrupted get is taken back at the queue: nothing of it is left to swallow an item
    assertEquals("interrupted, flag true, 0 waiting", out.get(true, Duration.ofSeconds(60)));
    q.put("the item");
    assertEquals("then got the item", out.get(true, Duration.ofSeconds(60)));
    p.join(Duration.ofSeconds(30));
    assertEquals(0, p.exitcode());
  }

  @Test
  void consumerKilledWhileBlockedInGet_itemGoesToNextGetter() throws Exception {
    if (threads()) {
      return; // a thread cannot be killed: this is about a process that dies
    }
    Queue<String> q = new Queue<>();
    Process consumer = ctx().process(QueueContract::consume, q);
    consumer.start();
    awaitWaitingGetters(q, 1); // the consumer's get reached the queue
    consumer.kill();
    consumer.join();
    assertEquals(-9, consumer.exitcode());
    q.put("the item");
    // the put hands the item to the dead consumer's get unless its death was noticed already;
    // either way the item reaches the next getter (once the queue learns of the death)
    assertEquals("the item", q.get(true, Duration.ofSeconds(60)));
    assertTrue(q.empty(), "delivered once");
  }

  @Test
  void producerExits_withItemsNobodyTook_noHang_itemsStay() {
    Queue<Integer> q = new Queue<>();
    Process p = ctx().process(QueueContract::putRange, q, 0, 1000);
    p.start();
    p.join(); // CPython's feeder thread can hang here (gh-73983); puts here are stored already
    assertEquals(0, p.exitcode());
    assertEquals(1000, q.qsize());
    for (int i = 0; i < 1000; i++) {
      assertEquals(i, q.get());
    }
  }

  @Test
  void threeConcurrentProducers_burst_nothingLostNothingTwice() {
    Queue<Integer> q = new Queue<>();
    List<Process> ps = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      ps.add(ctx().process(QueueContract::putRange, q, k * 10_000, k * 10_000 + 1_500));
    }
    ps.forEach(Process::start);
    Set<Integer> got = new HashSet<>();
    for (int i = 0; i < 4_500; i++) {
      assertTrue(got.add(q.get()), "an item came twice");
    }
    ps.forEach(Process::join);
    assertTrue(q.empty(), "nothing more than was put");
  }

  @Test
  void putAfterGet_arrives_whileTheProducerWaitsOnSomethingElse() {
    Queue<Object> in = new Queue<>();
    Queue<Object> out = new Queue<>();
    Process p = ctx().process(QueueContract::passOnThenWait, in, out);
    p.start();
    in.put("baton");
    try {
      assertEquals("baton", out.get(true, Duration.ofSeconds(60)),
          "a put must leave its process even when nothing follows it");
    } finally {
      p.terminate();
      p.join();
    }
  }

  /**
   * An item whose decoding, in any process but the one that made it, writes a marker file and
   * then takes ten minutes: the getter is killed in the middle of it.
   */
  static final class SlowToDecode implements Serializable {
    private static final long serialVersionUID = 1L;
    final long madeBy = ProcessHandle.current().pid();
    final String marker;

    SlowToDecode(Path marker) {
      this.marker = marker.toString();
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
      in.defaultReadObject();
      if (ProcessHandle.current().pid() != madeBy) {
        Files.writeString(Path.of(marker), "decoding");
        try {
          Thread.sleep(600_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  static void getOne(Queue<Object> q) {
    q.get();
  }

  /** Gets one item, says so in a file (outside every queue and lane), then waits to be killed. */
  static void getOneThenMark(Queue<Object> q, String marker) throws Exception {
    Object item = q.get();
    Files.writeString(Path.of(marker), String.valueOf(item));
    new java.util.concurrent.CountDownLatch(1).await(); // ended by the test
  }

  static Path marker() throws IOException {
    Path marker = Files.createTempFile("multiproc-marker-", ".txt");
    Files.delete(marker);
    return marker;
  }

  /** Waits until {@code marker} exists, looking often, so the kill that follows comes at once. */
  static void awaitFile(Path marker) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (!Files.exists(marker)) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("the child never wrote " + marker);
      }
      Thread.onSpinWait();
    }
  }

  @Test
  void getterKilledWhileDecoding_itemGoesBackToTheHead() throws Exception {
    if (threads()) {
      return; // a thread cannot be killed: this is about a process that dies
    }
    Path marker = marker();
    Queue<Object> q = new Queue<>();
    Process getter = ctx().process(QueueContract::getOne, q);
    getter.start();
    q.put(new SlowToDecode(marker));
    awaitFile(marker); // the child has the item's bytes and is decoding them
    getter.kill();
    getter.join();
    Files.deleteIfExists(marker);
    assertTrue(q.get(true, Duration.ofSeconds(60)) instanceof SlowToDecode,
        "an item is consumed only when get() returns it");
    assertTrue(q.empty());
  }

  @Test
  void getterKilledRightAfterGetReturned_itemNeverDeliveredAgain() throws Exception {
    if (threads()) {
      return;
    }
    for (int round = 0; round < 3; round++) {
      Path marker = marker();
      Queue<Object> q = new Queue<>();
      Process getter = ctx().process(QueueContract::getOneThenMark, q, marker.toString());
      getter.start();
      q.put("only once " + round);
      awaitFile(marker); // get() returned in the child
      getter.kill();
      getter.join();
      Files.deleteIfExists(marker);
      // the death is known at once: an item given back would be here within milliseconds
      assertThrows(Queue.Empty.class, () -> q.get(true, Duration.ofSeconds(2)),
          "an item that get() returned was delivered again");
    }
  }

  @Test
  void joinable_consumerKilledBeforeTaskDone_itemGoesToALiveConsumer_joinCompletes() {
    if (threads()) {
      return;
    }
    JoinableQueue<Object> q = new JoinableQueue<>();
    Queue<Object> got = new Queue<>();
    Process consumer = ctx().process(QueueContract::passOnThenWait, q, got);
    consumer.start();
    q.put("task");
    assertEquals("task", got.get()); // taken (its get() returned long ago), not marked done
    consumer.kill();
    consumer.join();
    assertEquals("task", q.get(true, Duration.ofSeconds(60)),
        "the dead consumer's unfinished item goes back for a live one");
    q.taskDone();
    q.join(); // CPython hangs here for ever
    assertTrue(q.empty());
    assertThrows(IllegalStateException.class, q::taskDone, "one task_done per item");
  }

  @Test
  void negativeTimeout_refusedAsCPythonsValueError_nothingTaken() throws Exception {
    Queue<String> q = new Queue<>(1);
    q.put("kept");
    Duration negative = Duration.ofMillis(-1);
    assertThrows(IllegalArgumentException.class, () -> q.get(true, negative));
    assertThrows(IllegalArgumentException.class, () -> q.put("x", true, negative));
    assertEquals("kept", q.get(false, null));
    Pipe pipe = Pipe.open();
    assertThrows(IllegalArgumentException.class, () -> pipe.left().poll(negative));
  }
}
