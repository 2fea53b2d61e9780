package io.multiproc;

import io.multiproc.internal.pool.Invoker;

/** Settings of a new {@link Pool}; {@link #build()} starts it. */
public final class PoolBuilder {
  private int processes = Multiprocessing.cpuCount();
  private Invoker initializer;
  private int maxTasksPerChild;
  private Context context;
  private int retries;

  PoolBuilder() {}

  /** How many workers (at least 1; default {@link Multiprocessing#cpuCount()}). */
  public PoolBuilder processes(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("processes must be at least 1, not " + n);
    }
    this.processes = n;
    return this;
  }

  /** What each worker runs once, first; if it raises, the pool fails fast (BrokenProcessPool). */
  public PoolBuilder initializer(Target init) {
    this.initializer = args -> {
      init.run();
      return null;
    };
    return this;
  }

  /** As {@link #initializer(Target)}, with an argument. */
  public <A> PoolBuilder initializer(Target.With1<A> init, A a) {
    this.initializer = args -> {
      init.run(a);
      return null;
    };
    return this;
  }

  /** How many chunks a worker runs before another replaces it (0, the default: no limit). */
  public PoolBuilder maxTasksPerChild(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("maxTasksPerChild must be 0 (no limit) or more, not "
          + n);
    }
    this.maxTasksPerChild = n;
    return this;
  }

  /** The context whose start method starts the workers (default: the default context). */
  public PoolBuilder context(Context ctx) {
    this.context = java.util.Objects.requireNonNull(ctx, "context");
    return this;
  }

  /** How many more times a task runs when its worker dies under it (default 0). */
  public PoolBuilder retries(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("retries must be 0 or more, not " + n);
    }
    this.retries = n;
    return this;
  }

  int processes() {
    return processes;
  }

  Invoker initializer() {
    return initializer;
  }

  int maxTasksPerChild() {
    return maxTasksPerChild;
  }

  Context context() {
    return context;
  }

  int retries() {
    return retries;
  }

  /** Starts the pool. */
  public Pool build() {
    return new Pool(this);
  }
}
