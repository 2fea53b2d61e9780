package io.multiproc.bench;

import io.multiproc.Connection;
import io.multiproc.Context;
import io.multiproc.Multiprocessing;
import io.multiproc.Pipe;
import io.multiproc.Process;
import io.multiproc.Queue;
import java.io.EOFException;
import java.util.List;

/** The queue and pipe scenarios: throughput of small items, round trips, big items. */
final class MessagingScenarios {
  static final int SMALL_ITEMS = 200_000;
  // the steady state: past the JIT compilers of both JVMs, which need time as well as calls
  static final int RTT_WARMUP = 10_000;
  static final long RTT_WARMUP_NANOS = 2_000_000_000L;
  static final int RTT_ROUNDS = 5_000;
  static final int LARGE_ITEMS = 64;
  static final int LARGE_SIZE = 1024 * 1024;

  private MessagingScenarios() {}

  static void produce(Queue<Integer> q, Integer n) {
    for (int i = 0; i < n; i++) {
      q.put(i);
    }
  }

  static void produceLarge(Queue<byte[]> q, Integer n) {
    byte[] item = new byte[LARGE_SIZE];
    for (int i = 0; i < n; i++) {
      q.put(item);
    }
  }

  static void echo(Connection c) {
    try {
      while (true) {
        c.send(c.recv());
      }
    } catch (EOFException e) {
      c.close();
    }
  }

  static List<Scenario> all() {
    return List.of(
        new Measured("queue.throughput", "items/s", true, "a child puts " + SMALL_ITEMS
            + " small ints on a Queue, the parent gets them; items per second, start to last get",
            () -> {
              Context ctx = Multiprocessing.getContext("forkserver");
              ctx.warmUp().toCompletableFuture().join();
              Queue<Integer> q = new Queue<>();
              long t0 = System.nanoTime();
              Process p = ctx.process(MessagingScenarios::produce, q, SMALL_ITEMS);
              p.start();
              for (int i = 0; i < SMALL_ITEMS; i++) {
                q.get();
              }
              double seconds = (System.nanoTime() - t0) / 1e9;
              p.join();
              return SMALL_ITEMS / seconds;
            }),
        new Measured("pipe.rtt", "us", false, "ping-pong over a Pipe with an echoing child;"
            + " microseconds per round trip, mean of " + RTT_ROUNDS + " after " + RTT_WARMUP
            + " and at least " + RTT_WARMUP_NANOS / 1_000_000_000L + " s",
            () -> {
              Context ctx = Multiprocessing.getContext("forkserver");
              Pipe pipe = Pipe.open();
              Process p = ctx.process(MessagingScenarios::echo, pipe.right());
              p.start();
              pipe.right().close();
              // the forkserver's replacement spare boots now, not in the middle of the rounds
              ctx.warmUp().toCompletableFuture().join();
              Connection c = pipe.left();
              long warm = System.nanoTime();
              for (int i = 0; i < RTT_WARMUP || System.nanoTime() - warm < RTT_WARMUP_NANOS; i++) {
                c.send(i);
                c.recv();
              }
              long t0 = System.nanoTime();
              for (int i = 0; i < RTT_ROUNDS; i++) {
                c.send(i);
                c.recv();
              }
              double us = (System.nanoTime() - t0) / 1e3 / RTT_ROUNDS;
              c.close();
              p.join();
              return us;
            }),
        new Measured("queue.large", "MB/s", true, "a child puts " + LARGE_ITEMS + " items of 1 MiB"
            + " on a Queue, the parent gets them; MB (10^6 bytes) per second", () -> {
              Context ctx = Multiprocessing.getContext("forkserver");
              ctx.warmUp().toCompletableFuture().join();
              Queue<byte[]> q = new Queue<>();
              long t0 = System.nanoTime();
              Process p = ctx.process(MessagingScenarios::produceLarge, q, LARGE_ITEMS);
              p.start();
              for (int i = 0; i < LARGE_ITEMS; i++) {
                q.get();
              }
              double seconds = (System.nanoTime() - t0) / 1e9;
              p.join();
              return (double) LARGE_ITEMS * LARGE_SIZE / 1e6 / seconds;
            }));
  }
}
