package io.multiproc.bench;

import io.multiproc.Context;
import io.multiproc.Multiprocessing;
import io.multiproc.Process;
import java.util.ArrayList;
import java.util.List;

/** The process start scenarios: cold (spawn), warm (forkserver) and ten at once. */
final class StartScenarios {
  private StartScenarios() {}

  /** The no-op every start scenario runs, on both sides. */
  static void noop() {
    // nothing: the scenario measures starting and joining a process
  }

  static List<Scenario> all() {
    return List.of(
        new Timed("start.cold", "spawn: start + join of a no-op, one after another; median ms of 15"
            + " after 3 warm-up starts (the first writes the class-data archive)", () -> {
              Context ctx = Multiprocessing.getContext("spawn");
              for (int i = 0; i < 3; i++) {
                startJoin(ctx);
              }
              Thread.sleep(2_000); // the archive is written by the first child after it ran
              return Stats.median(15, () -> startJoin(ctx));
            }),
        new Timed("start.warm", "forkserver: start + join of a no-op with a warm spare ready"
            + " (waiting for the spare is not timed); median ms of 30 after 5 warm-up starts", () -> {
              Context ctx = Multiprocessing.getContext("forkserver");
              Stats.Sample warm = () -> {
                ctx.warmUp().toCompletableFuture().join();
                return startJoin(ctx);
              };
              for (int i = 0; i < 5; i++) {
                warm.take();
              }
              return Stats.median(30, warm);
            }),
        new Timed("start.parallel10", "forkserver: 10 no-ops started, then all joined; median ms"
            + " of 5 rounds after 2, each round beginning with the spares ready", () -> {
              Context ctx = Multiprocessing.getContext("forkserver");
              Stats.Sample round = () -> {
                ctx.warmUp().toCompletableFuture().join();
                long t0 = System.nanoTime();
                List<Process> ps = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                  ps.add(ctx.process(StartScenarios::noop));
                }
                ps.forEach(Process::start);
                ps.forEach(Process::join);
                return (System.nanoTime() - t0) / 1e6;
              };
              round.take();
              round.take();
              return Stats.median(5, round);
            }));
  }

  private static double startJoin(Context ctx) {
    long t0 = System.nanoTime();
    Process p = ctx.process(StartScenarios::noop);
    p.start();
    p.join();
    double ms = (System.nanoTime() - t0) / 1e6;
    if (p.exitcode() != 0) {
      throw new IllegalStateException("the no-op process ended with " + p.exitcode());
    }
    return ms;
  }

  /** A scenario measured in milliseconds, lower is better. */
  private record Timed(String name, String description, Measure body) implements Scenario {
    @Override
    public String unit() {
      return "ms";
    }

    @Override
    public boolean higherIsBetter() {
      return false;
    }

    @Override
    public double measure() throws Exception {
      return body.run();
    }
  }

  @FunctionalInterface
  interface Measure {
    double run() throws Exception;
  }
}
