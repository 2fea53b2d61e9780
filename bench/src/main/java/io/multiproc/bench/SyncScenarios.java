package io.multiproc.bench;

import io.multiproc.Context;
import io.multiproc.Event;
import io.multiproc.Lock;
import io.multiproc.Multiprocessing;
import io.multiproc.Process;
import io.multiproc.Queue;
import io.multiproc.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * The synchronisation scenarios: a Lock alone and contended, an Event's round trip, a Value
 * incremented under its lock by several processes.
 */
final class SyncScenarios {
  static final int LOCK_WARMUP = 100_000;
  static final int LOCK_LOOPS = 2_000_000;
  static final int CONTENDED_WARMUP = 10_000;
  static final int CONTENDED_LOOPS = 200_000;
  static final int EVENT_WARMUP = 200;
  static final int EVENT_ROUNDS = 1_000;
  static final int INCREMENT_PROCESSES = 4;
  static final int INCREMENTS = 1_000;

  private SyncScenarios() {}

  static void lockLoop(Lock lock, Integer n) {
    for (int i = 0; i < n; i++) {
      lock.acquire();
      lock.release();
    }
  }

  /** Warms up, times {@code LOCK_LOOPS} acquire+release pairs, reports the rate. */
  static void uncontended(Lock lock, Queue<Double> result) {
    lockLoop(lock, LOCK_WARMUP);
    long t0 = System.nanoTime();
    lockLoop(lock, LOCK_LOOPS);
    result.put(LOCK_LOOPS / ((System.nanoTime() - t0) / 1e9));
  }

  /** Warms up, says so, waits for {@code go}, runs its loops, says done. */
  static void contended(Lock lock, Event go, Queue<String> said) {
    lockLoop(lock, CONTENDED_WARMUP);
    said.put("ready");
    go.await();
    lockLoop(lock, CONTENDED_LOOPS);
    said.put("done");
  }

  /** Answers each ping with a pong until {@code rounds} are done. */
  static void pong(Event ping, Event pong, Integer rounds) {
    for (int i = 0; i < rounds; i++) {
      ping.await();
      ping.clear();
      pong.set();
    }
  }

  /**
   * Says it is ready, waits for {@code go}, adds 1 to {@code v} {@code INCREMENTS} times, each
   * under the value's own lock (CPython's {@code with v.get_lock(): v.value += 1}), says done.
   */
  static void increment(Value<Integer> v, Event go, Queue<String> said) {
    said.put("ready");
    go.await();
    for (int i = 0; i < INCREMENTS; i++) {
      try (var held = v.getLock().hold()) {
        v.set(v.get() + 1);
      }
    }
    said.put("done");
  }

  /** The rate of locked increments by {@code INCREMENT_PROCESSES} children; fails on a lost one. */
  static double valueIncrement() {
    Context ctx = Multiprocessing.getContext("forkserver");
    Value<Integer> v = ctx.value("i", 0);
    Event go = ctx.event();
    Queue<String> said = ctx.queue();
    List<Process> ps = new ArrayList<>();
    for (int i = 0; i < INCREMENT_PROCESSES; i++) {
      ps.add(ctx.process(SyncScenarios::increment, v, go, said));
    }
    ps.forEach(Process::start);
    for (int i = 0; i < INCREMENT_PROCESSES; i++) {
      said.get();
    }
    // the forkserver's replacement spares boot now, not during the increments
    ctx.warmUp().toCompletableFuture().join();
    long t0 = System.nanoTime();
    go.set();
    for (int i = 0; i < INCREMENT_PROCESSES; i++) {
      said.get();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    ps.forEach(Process::join);
    int expected = INCREMENT_PROCESSES * INCREMENTS;
    if (v.get() != expected) {
      throw new IllegalStateException("value.increment counted " + v.get() + ", not " + expected
          + ": an increment under the value's lock was lost");
    }
    return expected / seconds;
  }

  static List<Scenario> all() {
    return List.of(
        new Measured("lock.uncontended", "ops/s", true, "a child acquires and releases a Lock "
            + LOCK_LOOPS + " times after " + LOCK_WARMUP + "; pairs per second", () -> {
              Context ctx = Multiprocessing.getContext("forkserver");
              Lock lock = new Lock();
              Queue<Double> result = new Queue<>();
              Process p = ctx.process(SyncScenarios::uncontended, lock, result);
              p.start();
              double rate = result.get();
              p.join();
              return rate;
            }),
        new Measured("lock.contended", "ops/s", true, "two children acquire and release one Lock "
            + CONTENDED_LOOPS + " times each; pairs per second, both together", () -> {
              Context ctx = Multiprocessing.getContext("forkserver");
              Lock lock = new Lock();
              Event go = new Event();
              Queue<String> said = new Queue<>();
              Process a = ctx.process(SyncScenarios::contended, lock, go, said);
              Process b = ctx.process(SyncScenarios::contended, lock, go, said);
              a.start();
              b.start();
              said.get();
              said.get();
              long t0 = System.nanoTime();
              go.set();
              said.get();
              said.get();
              double seconds = (System.nanoTime() - t0) / 1e9;
              a.join();
              b.join();
              return 2 * CONTENDED_LOOPS / seconds;
            }),
        new Measured("event.rtt", "us", false, "ping-pong of two Events with a child: set, seen"
            + " by the waiter, cleared, answered; microseconds per round, mean of " + EVENT_ROUNDS
            + " after " + EVENT_WARMUP, () -> {
              Context ctx = Multiprocessing.getContext("forkserver");
              Event ping = new Event();
              Event pong = new Event();
              Process p = ctx.process(SyncScenarios::pong, ping, pong,
                  EVENT_WARMUP + EVENT_ROUNDS);
              p.start();
              // the forkserver's replacement spare boots now, not in the middle of the rounds
              ctx.warmUp().toCompletableFuture().join();
              long t0 = 0;
              for (int i = 0; i < EVENT_WARMUP + EVENT_ROUNDS; i++) {
                if (i == EVENT_WARMUP) {
                  t0 = System.nanoTime();
                }
                ping.set();
                pong.await();
                pong.clear();
              }
              double us = (System.nanoTime() - t0) / 1e3 / EVENT_ROUNDS;
              p.join();
              return us;
            }),
        new Measured("value.increment", "ops/s", true, INCREMENT_PROCESSES + " children each add"
            + " 1 to one Value " + INCREMENTS + " times under its lock; increments per second, all"
            + " together; fails unless the count is exact", SyncScenarios::valueIncrement));
  }
}
