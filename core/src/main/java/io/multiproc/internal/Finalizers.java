package io.multiproc.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * INTERNAL API. This JVM's ordered teardown, after CPython's {@code util.Finalize} with exit
 * priorities: what a layer must do as the process ends (close its pipe ends, tell the locks it
 * holds that it leaves normally, let its pipelined puts arrive) it registers here the first time
 * it has something to do, and the JVM's shutdown hook and a child's normal exit run the same
 * steps, once, the highest priority first (steps of one priority in the order registered). A step
 * that fails is logged and the others still run.
 */
public final class Finalizers {
  /** Pipe ends are closed first: their readers see the end of the stream after the data. */
  public static final int CLOSE_ENDS = 30;
  /** Then the primitives of other JVMs learn this one leaves normally, keeping what it holds. */
  public static final int LEAVE_PRIMITIVES = 20;
  /** Last, what was sent without waiting (pipelined puts, closes, leaves) is seen handled. */
  public static final int FLUSH = 10;

  private static final Logger LOG = LoggerFactory.getLogger(Finalizers.class);
  private static final Finalizers JVM = new Finalizers();
  private final List<Step> steps = new ArrayList<>(); // guarded by itself
  private boolean ran; // guarded by steps

  private record Step(String name, int priority, Runnable action, int order) {}

  /** A teardown of its own (this JVM's is reached through the static methods). */
  Finalizers() {}

  /**
   * Registers {@code action} to run as this JVM ends, at {@code priority}; a second registration
   * of the same {@code name} is ignored. Registered after the teardown ran, it runs at once.
   */
  public static void register(String name, int priority, Runnable action) {
    JVM.add(name, priority, action);
  }

  /** Runs every step registered in this JVM once, highest priority first; then does nothing. */
  public static void runAll() {
    JVM.run();
  }

  void add(String name, int priority, Runnable action) {
    synchronized (steps) {
      if (steps.stream().anyMatch(s -> s.name().equals(name))) {
        return;
      }
      if (!ran) {
        steps.add(new Step(name, priority, action, steps.size()));
        return;
      }
    }
    run(new Step(name, priority, action, 0));
  }

  void run() {
    List<Step> todo;
    synchronized (steps) {
      if (ran) {
        return;
      }
      ran = true;
      todo = new ArrayList<>(steps);
    }
    todo.sort(Comparator.comparingInt(Step::priority).reversed()
        .thenComparingInt(Step::order));
    todo.forEach(Finalizers::run);
  }

  private static void run(Step step) {
    try {
      step.action().run();
    } catch (RuntimeException | Error e) {
      LOG.warn("teardown step '{}' failed: {}", step.name(), e.toString());
    }
  }
}
