package io.multiproc.bench;

import io.multiproc.AsyncResult;
import io.multiproc.Context;
import io.multiproc.IMapIterator;
import io.multiproc.Multiprocessing;
import io.multiproc.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The pool scenarios: one task's latency, many small tasks, a big map, imap, start-up. */
final class PoolScenarios {
  static final int WORKERS = 2;
  static final int APPLY_WARMUP = 2_000;
  static final int APPLY_ROUNDS = 5_000;
  static final int ASYNC_WARMUP = 5_000;
  static final int ASYNC_TASKS = 20_000;
  static final int MAP_WARMUP = 200_000;
  static final int MAP_ITEMS = 1_000_000;
  static final int IMAP_WARMUP = 10_000;
  static final int IMAP_ITEMS = 100_000;
  static final int START_WORKERS = 8;

  private PoolScenarios() {}

  static Integer noop() {
    return null;
  }

  static Integer identity(Integer x) {
    return x;
  }

  static List<Integer> range(int n) {
    return IntStream.range(0, n).boxed().collect(Collectors.toList());
  }

  private static Pool pool(int n) {
    return Pool.builder().processes(n).context(Multiprocessing.getContext("forkserver")).build();
  }

  static double applyLatency() {
    Pool p = pool(WORKERS);
    try {
      for (int i = 0; i < APPLY_WARMUP; i++) {
        p.apply(PoolScenarios::noop);
      }
      long t0 = System.nanoTime();
      for (int i = 0; i < APPLY_ROUNDS; i++) {
        p.apply(PoolScenarios::noop);
      }
      return (System.nanoTime() - t0) / 1e3 / APPLY_ROUNDS;
    } finally {
      p.terminate();
    }
  }

  static void gather(Pool p, int n) {
    List<AsyncResult<Integer>> rs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      rs.add(p.applyAsync(PoolScenarios::noop));
    }
    for (AsyncResult<Integer> r : rs) {
      r.get();
    }
  }

  static double applyAsyncRate() {
    Pool p = pool(WORKERS);
    try {
      gather(p, ASYNC_WARMUP);
      long t0 = System.nanoTime();
      gather(p, ASYNC_TASKS);
      return ASYNC_TASKS / ((System.nanoTime() - t0) / 1e9);
    } finally {
      p.terminate();
    }
  }

  static double mapRate() {
    Pool p = pool(WORKERS);
    try {
      check(p.map(PoolScenarios::identity, range(MAP_WARMUP)), MAP_WARMUP);
      List<Integer> items = range(MAP_ITEMS);
      long t0 = System.nanoTime();
      List<Integer> out = p.map(PoolScenarios::identity, items);
      double rate = MAP_ITEMS / ((System.nanoTime() - t0) / 1e9);
      check(out, MAP_ITEMS);
      return rate;
    } finally {
      p.terminate();
    }
  }

  private static void check(List<Integer> out, int n) {
    if (out.size() != n || out.get(n - 1) != n - 1) {
      throw new IllegalStateException("pool.map returned " + out.size() + " items, not " + n);
    }
  }

  static int drain(IMapIterator<Integer> it) {
    int n = 0;
    while (it.hasNext()) {
      it.next();
      n++;
    }
    return n;
  }

  static double imapUnorderedRate() {
    Pool p = pool(WORKERS);
    try {
      drain(p.imapUnordered(PoolScenarios::identity, range(IMAP_WARMUP)));
      long t0 = System.nanoTime();
      int n = drain(p.imapUnordered(PoolScenarios::identity, range(IMAP_ITEMS)));
      double rate = IMAP_ITEMS / ((System.nanoTime() - t0) / 1e9);
      if (n != IMAP_ITEMS) {
        throw new IllegalStateException("imap_unordered gave " + n + " items, not " + IMAP_ITEMS);
      }
      return rate;
    } finally {
      p.terminate();
    }
  }

  static double startOnce() {
    Context ctx = Multiprocessing.getContext("forkserver");
    long t0 = System.nanoTime();
    Pool p = Pool.builder().processes(START_WORKERS).context(ctx).build();
    try {
      p.map(PoolScenarios::identity, range(START_WORKERS), 1);
      return (System.nanoTime() - t0) / 1e6;
    } finally {
      p.terminate();
    }
  }

  static List<Scenario> all() {
    return List.of(
        new Measured("pool.apply", "us", false, WORKERS + " workers; one no-op"
            + " task at a time, " + APPLY_ROUNDS + " after " + APPLY_WARMUP
            + "; microseconds per apply", PoolScenarios::applyLatency),
        new Measured("pool.apply_async", "tasks/s", true, WORKERS + " workers; "
            + ASYNC_TASKS + " no-op tasks submitted, then all gathered, after " + ASYNC_WARMUP,
            PoolScenarios::applyAsyncRate),
        new Measured("pool.map", "items/s", true, WORKERS + " workers; map of "
            + MAP_ITEMS + " ints through identity, default chunksize", PoolScenarios::mapRate),
        new Measured("pool.imap_unordered", "items/s", true, WORKERS + " workers; "
            + IMAP_ITEMS + " ints through identity, chunksize 1", PoolScenarios::imapUnorderedRate),
        new Measured("pool.start", "ms", false, "Pool(" + START_WORKERS + ") until"
            + " each worker ran a task; median of 5 after 1", () -> {
              startOnce();
              return Stats.median(5, PoolScenarios::startOnce);
            }));
  }
}
