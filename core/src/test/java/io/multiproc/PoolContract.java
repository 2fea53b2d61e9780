package io.multiproc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Pool owes a user under every start method: CPython's semantics, and never a hang. */
public abstract class PoolContract extends StartMethodContract {
  @TempDir
  Path dir;

  private Pool pool(int n) {
    return Pool.builder().processes(n).context(ctx()).build();
  }

  static List<Integer> range(int n) {
    return IntStream.range(0, n).boxed().collect(Collectors.toList());
  }

  static int square(int x) {
    return x * x;
  }

  static long pid() {
    return ProcessHandle.current().pid();
  }

  static String sayPidThenSleep(Queue<Long> said) throws InterruptedException {
    said.put(ProcessHandle.current().pid());
    Thread.sleep(120_000);
    return "slept";
  }

  static String dieOnceThenAnswer(String marker) throws Exception {
    Path m = Path.of(marker);
    if (Files.notExists(m)) {
      Files.createFile(m);
      Runtime.getRuntime().halt(3); // the worker dies under its task, once
    }
    return "second try";
  }

  /** Between two looks at what a pool reports, in a wait with a deadline. */
  static void sleepAMoment() {
    try {
      Thread.sleep(10);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void apply_runsInAWorker_andReturnsTheResult() {
    Pool p = pool(2);
    try {
      assertEquals(9, p.apply(PoolContract::square, 3));
      assertEquals(7, p.apply(() -> 7));
      assertEquals("ab", p.apply((String a, String b) -> a + b, "a", "b"));
      assertEquals("null", p.apply((Object a) -> String.valueOf(a), null));
      assertEquals(List.of(List.of(1), List.of(2)), p.map((Integer x) -> List.of(x), List.of(1, 2)),
          "a result that is not a plain value");
      long worker = p.apply(PoolContract::pid);
      if (!threads()) {
        assertNotEquals(pid(), worker, "the task ran in the parent");
        assertTrue(p.pids().contains(worker), "the task's pid is none of the workers'");
      }
    } finally {
      p.terminate();
    }
  }

  @Test
  void map_keepsTheItemsOrder_withEveryChunksize() {
    Pool p = pool(2);
    try {
      List<Integer> expected = range(100).stream().map(x -> x * x).collect(Collectors.toList());
      assertEquals(expected, p.map(PoolContract::square, range(100)));
      assertEquals(expected, p.map(PoolContract::square, range(100), 7));
      assertEquals(List.of(), p.map(PoolContract::square, List.of()));
      assertEquals(List.of(2, 12), p.starmap((Integer a, Integer b) -> a * b,
          List.of(List.of(1, 2), List.of(3, 4))));
      AsyncResult<List<Integer>> r = p.mapAsync(PoolContract::square, range(10));
      assertEquals(expected.subList(0, 10), r.get(Duration.ofSeconds(60)));
      assertTrue(r.ready());
      assertTrue(r.successful());
      assertEquals(10, r.done());
    } finally {
      p.terminate();
    }
  }

  @Test
  void applyAsync_callbacksRunInThisJvm_onOneThread() throws Exception {
    Pool p = pool(2);
    try {
      Set<String> threads = Collections.synchronizedSet(new HashSet<>());
      List<Integer> got = Collections.synchronizedList(new ArrayList<>());
      Set<Long> pids = Collections.synchronizedSet(new HashSet<>());
      List<AsyncResult<Integer>> rs = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        rs.add(p.applyAsync(PoolContract::square, i, r -> {
          threads.add(Thread.currentThread().getName());
          pids.add(pid());
          got.add(r);
        }, null));
      }
      for (AsyncResult<Integer> r : rs) {
        r.get();
      }
      p.close();
      p.join();
      assertEquals(Set.of(pid()), pids, "a callback ran outside the pool's JVM");
      assertEquals(1, threads.size(), "callbacks ran on several threads: " + threads);
      assertEquals(range(10).stream().map(x -> x * x).collect(Collectors.toSet()),
          new HashSet<>(got));
    } finally {
      p.terminate();
    }
  }

  @Test
  void aTasksException_isRaisedWithItsType_andTheWorkersTraceAsCause() {
    Pool p = pool(1);
    try {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> p.apply((Integer x) -> {
            throw new IllegalArgumentException("bad " + x);
          }, 5));
      assertEquals("bad 5", e.getMessage());
      RemoteError remote = assertInstanceOf(RemoteError.class, e.getCause());
      assertTrue(remote.remoteTrace().contains("bad 5"), remote.remoteTrace());
      List<Integer> errors = new ArrayList<>();
      AsyncResult<List<Integer>> r = p.mapAsync((Integer x) -> {
        if (x == 3) {
          throw new IllegalStateException("three");
        }
        return x;
      }, range(8), 1, null, t -> errors.add(1));
      assertEquals("three", assertThrows(IllegalStateException.class, r::get).getMessage());
      assertTrue(r.ready());
      assertTrue(!r.successful());
      assertEquals(8, r.done(), "map raised before every chunk was done");
      PicklingError cannot = assertThrows(PicklingError.class, () -> p.apply(() -> new Object()));
      assertTrue(cannot.getMessage().contains("java.lang.Object"), cannot.getMessage());
      assertEquals(4, p.apply(PoolContract::square, 2), "the pool did not go on");
      assertEquals(1, errors.size());
    } finally {
      p.terminate();
    }
  }

  @Test
  void imap_inOrder_unordered_andAnExceptionAtItsPlace() {
    Pool p = pool(2);
    try {
      List<Integer> ordered = new ArrayList<>();
      p.imap(PoolContract::square, range(20), 3).forEachRemaining(ordered::add);
      assertEquals(range(20).stream().map(x -> x * x).collect(Collectors.toList()), ordered);
      Set<Integer> any = new HashSet<>();
      p.imapUnordered(PoolContract::square, range(20)).forEachRemaining(any::add);
      assertEquals(range(20).stream().map(x -> x * x).collect(Collectors.toSet()), any);
      IMapIterator<Integer> it = p.imap((Integer x) -> {
        if (x == 1) {
          throw new ArithmeticException("one");
        }
        return x;
      }, range(3));
      assertEquals(0, it.next());
      assertThrows(ArithmeticException.class, it::next);
      assertEquals(2, it.next(Duration.ofSeconds(60)));
      assertTrue(!it.hasNext());
      assertThrows(NoSuchElementException.class, it::next);
      Iterator<Integer> failing = new Iterator<>() {
        int n;

        @Override
        public boolean hasNext() {
          return true;
        }

        @Override
        public Integer next() {
          if (n == 2) {
            throw new UnsupportedOperationException("the input broke");
          }
          return n++;
        }
      };
      IMapIterator<Integer> broken = p.imap(PoolContract::square, () -> failing);
      assertEquals(0, broken.next());
      assertEquals(1, broken.next());
      assertEquals("the input broke",
          assertThrows(UnsupportedOperationException.class, broken::next).getMessage());
    } finally {
      p.terminate();
    }
  }

  @Test
  void imap_readsAnEndlessIterableABoundedAmountAhead() {
    Pool p = pool(2);
    try {
      AtomicInteger read = new AtomicInteger();
      Iterable<Integer> endless = () -> new Iterator<>() {
        @Override
        public boolean hasNext() {
          return true;
        }

        @Override
        public Integer next() {
          return read.getAndIncrement();
        }
      };
      IMapIterator<Integer> it = p.imap(PoolContract::square, endless);
      for (int i = 0; i < 50; i++) {
        assertEquals(i * i, it.next());
      }
      // at most the window (4 chunks per worker) and the chunk being read, past what was taken
      assertTrue(read.get() <= 50 + 2 * 4 + 1, "read " + read.get() + " items for 50 taken");
    } finally {
      p.terminate();
    }
  }

  @Test
  void lifecycle_closeJoinTerminate_andUseAfterwards() {
    assertThrows(IllegalArgumentException.class, () -> new Pool(0));
    Pool p = pool(2);
    assertThrows(IllegalStateException.class, p::join);
    AsyncResult<Integer> r = p.applyAsync(PoolContract::square, 6);
    p.close();
    assertThrows(IllegalStateException.class, () -> p.apply(PoolContract::square, 1));
    p.join();
    assertEquals(36, r.get(), "close() dropped a task given before it");
    assertTrue(p.pids().isEmpty(), "workers outlived join(): " + p.pids());
    p.terminate();
    assertThrows(IllegalStateException.class, () -> p.map(PoolContract::square, range(3)));
  }

  @Test
  void terminate_endsRunningTasks_andFailsWhatDidNotFinish() {
    Pool p = pool(2);
    Queue<Long> said = ctx().queue();
    AsyncResult<String> r = p.applyAsync(PoolContract::sayPidThenSleep, said);
    said.get();
    assertThrows(TimeoutError.class, () -> r.get(Duration.ofMillis(50)));
    p.terminate();
    assertThrows(BrokenProcessPool.class, () -> r.get(Duration.ofSeconds(60)));
    assertTrue(p.pids().isEmpty(), "workers outlived terminate(): " + p.pids());
  }

  @Test
  void aWorkerKilledMidTask_failsThatTaskOnly_andIsReplaced() {
    if (threads()) {
      return; // a thread cannot be killed
    }
    Pool p = pool(2);
    try {
      Queue<Long> said = ctx().queue();
      AsyncResult<String> doomed = p.applyAsync(PoolContract::sayPidThenSleep, said);
      long victim = said.get();
      AsyncResult<List<Integer>> others = p.mapAsync(PoolContract::square, range(50), 1, null,
          null);
      ProcessHandle.of(victim).ifPresent(ProcessHandle::destroyForcibly);
      WorkerLostError lost = assertThrows(WorkerLostError.class,
          () -> doomed.get(Duration.ofSeconds(60)));
      assertTrue(lost.getMessage().contains("pid " + victim), lost.getMessage());
      assertEquals(range(50).stream().map(x -> x * x).collect(Collectors.toList()),
          others.get(Duration.ofSeconds(60)));
      assertEquals(9, p.apply(PoolContract::square, 3));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (p.pids().size() != 2 || p.pids().contains(victim)) {
        assertTrue(System.nanoTime() < deadline, "the pool did not keep its size: " + p.pids());
        sleepAMoment();
      }
    } finally {
      p.terminate();
    }
  }

  @Test
  void withRetries_aTaskWhoseWorkerDiedRunsAgain() {
    if (threads()) {
      return; // its worker dies by halting its JVM
    }
    Pool p = Pool.builder().processes(1).context(ctx()).retries(1).build();
    try {
      String marker = dir.resolve("died-once").toString();
      assertEquals("second try", p.apply(PoolContract::dieOnceThenAnswer, marker));
    } finally {
      p.terminate();
    }
  }

  @Test
  void maxTasksPerChild_replacesAWorkerAfterItsTasks_noneLostNorRunTwice() {
    Pool p = Pool.builder().processes(1).context(ctx()).maxTasksPerChild(2).build();
    try {
      List<Long> pids = p.map((Integer x) -> pid(), range(6), 1);
      assertEquals(6, pids.size());
      if (!threads()) {
        assertEquals(3, new HashSet<>(pids).size(), "workers were not replaced after 2: " + pids);
      }
    } finally {
      p.terminate();
    }
  }

  @Test
  void anInitializerThatRaises_breaksThePool_fast() {
    Pool p = Pool.builder().processes(2).context(ctx())
        .initializer(() -> {
          throw new IllegalStateException("no database");
        }).build();
    try {
      BrokenProcessPool e = assertThrows(BrokenProcessPool.class,
          () -> p.map(PoolContract::square, range(10)));
      assertTrue(String.valueOf(e.getCause()).contains("no database"), String.valueOf(e));
      assertThrows(BrokenProcessPool.class, () -> p.apply(PoolContract::square, 1));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!p.pids().isEmpty()) { // they end, and none is started again
        assertTrue(System.nanoTime() < deadline, "workers respawned: " + p.pids());
        sleepAMoment();
      }
    } finally {
      p.terminate();
    }
  }
}
