package io.multiproc;

import io.multiproc.internal.ProcessRuntime;
import io.multiproc.internal.process.Children;
import io.multiproc.spi.LaunchRequest;
import io.multiproc.spi.Popen;
import io.multiproc.internal.wire.Reducer;
import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A process: code that runs in a separate JVM with its own pid, the twin of CPython's
 * {@code multiprocessing.Process}.
 *
 * <p>Give it a {@link Target} and arguments, or subclass it and override {@link #run()}. Then
 * {@link #start()} it and {@link #join()} it:
 *
 * <pre>{@code
 * Process p = new Process(Demo::greet, "bob");
 * p.start();
 * p.join();
 * }</pre>
 *
 * <p>{@code start()} sends the process object (its target and arguments, or the subclass with its
 * fields) to the child, so all of it must be {@link Serializable}; what cannot be sent fails there,
 * at once, with a {@link PicklingError}. The child inherits stdout and stderr. Its exit code is 0
 * when {@code run()} returns, 1 when it throws (the stack trace goes to stderr), -15 after
 * {@link #terminate()} and -9 after {@link #kill()}.
 *
 * <p>A daemon process is ended when its parent ends, even when the parent is killed, and may not
 * start processes of its own. A non-daemon process keeps its parent's JVM alive until it ends.
 */
public class Process implements Serializable {
  private static final long serialVersionUID = 1L;

  static {
    ProcessHooks.install();
  }

  private String name;
  private boolean daemon;
  private final int[] identity;
  private final Serializable target;
  private final Object[] args;
  private final long parentPid;

  private transient volatile Popen popen;
  private transient volatile Context context;
  private transient volatile boolean closed;
  private transient volatile Children children;
  private transient volatile boolean running;

  /** A process whose {@link #run()} a subclass overrides. */
  protected Process() {
    this(new Object[0], null);
  }

  /** A process named {@code name} whose {@link #run()} a subclass overrides. */
  protected Process(String name) {
    this(new Object[0], null);
    setName(name);
  }

  /** A process that runs {@code target}. */
  public Process(Target target) {
    this(new Object[0], target);
  }

  /** A process that runs {@code target} with one argument. */
  public <A> Process(Target.With1<A> target, A a) {
    this(new Object[] {a}, target);
  }

  /** A process that runs {@code target} with two arguments. */
  public <A, B> Process(Target.With2<A, B> target, A a, B b) {
    this(new Object[] {a, b}, target);
  }

  /** A process that runs {@code target} with three arguments. */
  public <A, B, C> Process(Target.With3<A, B, C> target, A a, B b, C c) {
    this(new Object[] {a, b, c}, target);
  }

  /** A process that runs {@code target} with four arguments. */
  public <A, B, C, D> Process(Target.With4<A, B, C, D> target, A a, B b, C c, D d) {
    this(new Object[] {a, b, c, d}, target);
  }

  private Process(Object[] args, Serializable target) {
    Process creator = Multiprocessing.currentProcess();
    this.target = target;
    this.args = args;
    this.identity = append(creator.identity, creator.children().next());
    this.name = "Process-" + Arrays.stream(identity).mapToObj(Integer::toString)
        .collect(Collectors.joining(":"));
    this.daemon = creator.daemon;
    this.parentPid = ProcessHandle.current().pid();
  }

  /** The main process of a JVM, or the read-only view of a parent; never started. */
  Process(String name, int[] identity, long parentPid) {
    this.target = null;
    this.args = new Object[0];
    this.identity = identity;
    this.name = name;
    this.parentPid = parentPid;
  }

  /**
   * What the process does: by default, calls the target with the arguments. Override it in a
   * subclass; an exception thrown here ends the process with exit code 1.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void run() throws Exception {
    if (target instanceof Target t) {
      t.run();
    } else if (target instanceof Target.With1 t) {
      t.run(args[0]);
    } else if (target instanceof Target.With2 t) {
      t.run(args[0], args[1]);
    } else if (target instanceof Target.With3 t) {
      t.run(args[0], args[1], args[2]);
    } else if (target instanceof Target.With4 t) {
      t.run(args[0], args[1], args[2], args[3]);
    }
  }

  /**
   * Starts the process in a new JVM (or thread, with the "thread" start method); returns once it
   * is launched, without waiting for it to run.
   *
   * @throws IllegalStateException when started twice, closed, or when a daemon process tries to
   *     start a child
   * @throws PicklingError when the process object cannot be sent; nothing was started
   */
  public synchronized void start() {
    checkNotClosed();
    if (popen != null) {
      throw new IllegalStateException("cannot start a process twice: " + name
          + " was started already; create a new Process to run it again");
    }
    Process parent = Multiprocessing.currentProcess();
    if (parent.daemon) {
      throw new IllegalStateException("daemonic processes are not allowed to have children: "
          + parent.name + " is a daemon; make it non-daemonic to let it start " + name);
    }
    parent.children().prune();
    byte[] payload = Reducer.get().dumps(this);
    popen = context().startMethod().launch(new LaunchRequest(payload, name, daemon));
    parent.children().add(this);
    ProcessRuntime.installExitHook(
        () -> Multiprocessing.currentProcess().children().finishAtExit());
  }

  /** Waits until the process ends. */
  public void join() {
    join(null);
  }

  /**
   * Waits until the process ends or {@code timeout} passes, whichever comes first; it returns
   * either way, so check {@link #exitcode()} or {@link #isAlive()} afterwards.
   *
   * @throws IllegalStateException when the process was not started, or is the current one
   */
  public void join(Duration timeout) {
    checkNotClosed();
    if (this == Multiprocessing.currentProcess()) {
      throw new IllegalStateException("a process cannot join itself");
    }
    Popen p = popen;
    if (p == null) {
      throw new IllegalStateException("can only join a started process: call start() first");
    }
    try {
      if (p.waitFor(timeout) != null) {
        Multiprocessing.currentProcess().children().remove(this);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProcessError("interrupted while joining " + name, e);
    }
  }

  /** True from {@code start()} until the process ends; the current process is always alive. */
  public boolean isAlive() {
    checkNotClosed();
    if (this == Multiprocessing.currentProcess()) {
      return true;
    }
    Popen p = popen;
    return p != null && p.poll() == null;
  }

  /**
   * The exit code: null while running (or before start), 0 after a normal end, 1 after an uncaught
   * exception, -N after signal N (-15 for {@link #terminate()}, -9 for {@link #kill()}).
   */
  public Integer exitcode() {
    checkNotClosed();
    Popen p = popen;
    return p == null ? null : p.poll();
  }

  /** The OS pid: null before start; still readable after the process ended. */
  public Long pid() {
    checkNotClosed();
    Popen p = popen;
    if (p != null) {
      return p.pid();
    }
    // the running process itself (in its child) and a JVM's main process know their own pid
    return running || identity.length == 0 ? ProcessHandle.current().pid() : null;
  }

  /** The same as {@link #pid()}, as CPython's {@code ident}. */
  public Long ident() {
    return pid();
  }

  /** Asks the process to end (SIGTERM). Its exit code becomes -15; code in {@code finally} may not run. */
  public void terminate() {
    checkNotClosed();
    Popen p = popen;
    if (p != null) {
      p.terminate();
    }
  }

  /** Ends the process at once (SIGKILL); its exit code becomes -9. */
  public void kill() {
    checkNotClosed();
    Popen p = popen;
    if (p != null) {
      p.kill();
    }
  }

  /**
   * Frees what the process object holds. Most methods then throw {@link IllegalStateException}.
   *
   * @throws IllegalStateException while the process is still running: join or terminate it first
   */
  public synchronized void close() {
    if (closed) {
      return;
    }
    Popen p = popen;
    if (p != null) {
      if (p.poll() == null) {
        throw new IllegalStateException("cannot close a process while it is still running: "
            + name + "; call join() or terminate() first");
      }
      p.close();
      Multiprocessing.currentProcess().children().remove(this);
    }
    closed = true;
  }

  /** The name, {@code Process-N} unless set; {@code Process-N:M} for a child of a child. */
  public String name() {
    return name;
  }

  /** Sets the name; only a label, it need not be unique. */
  public void setName(String name) {
    if (name == null) {
      throw new IllegalArgumentException("a process name cannot be null");
    }
    this.name = name;
  }

  /** Whether the process is a daemon: ended with its parent, not allowed children. */
  public boolean daemon() {
    return daemon;
  }

  /**
   * Sets the daemon flag; the default is the creating process's flag.
   *
   * @throws IllegalStateException after start()
   */
  public void setDaemon(boolean daemon) {
    if (popen != null) {
      throw new IllegalStateException("the daemon flag of " + name + " cannot change after start()");
    }
    this.daemon = daemon;
  }

  /** The authkey the program's processes share (a copy). */
  public byte[] authkey() {
    return io.multiproc.internal.Authkey.copy();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("<").append(getClass().getSimpleName())
        .append(" name='").append(name).append('\'');
    if (closed) {
      return s.append(" closed>").toString();
    }
    Popen p = popen;
    if (p != null) {
      s.append(" pid=").append(p.pid()).append(" parent=").append(parentPid);
      Integer code = p.poll();
      s.append(code == null ? " started" : " stopped exitcode=" + code);
    } else if (this == Multiprocessing.currentProcess()) {
      s.append(" pid=").append(ProcessHandle.current().pid()).append(" started");
    } else {
      s.append(" initial");
    }
    return s.append(daemon ? " daemon>" : ">").toString();
  }

  // ------------------------------------------------------------------ package and hook internals

  synchronized Context context() {
    if (context == null) {
      context = Multiprocessing.getContext();
    }
    return context;
  }

  void context(Context c) {
    this.context = c;
  }

  long parentPid() {
    return parentPid;
  }

  /** The children this process started, and the count that numbers those it made. */
  Children children() {
    Children c = children;
    if (c == null) {
      synchronized (this) {
        if (children == null) {
          children = new Children();
        }
        c = children;
      }
    }
    return c;
  }

  /** How this process was launched, for its parent's {@link Children}: null before start(). */
  Popen popen() {
    return popen;
  }

  /** Whether close() ran, for its parent's {@link Children}. */
  boolean closed() {
    return closed;
  }

  /** Runs this process in the calling thread, as the child does; returns the exit code. */
  int bootstrap() {
    running = true;
    int code;
    try {
      run();
      code = 0;
    } catch (Throwable t) {
      synchronized (System.err) {
        System.err.println("Process " + name + ":");
        t.printStackTrace();
      }
      code = 1;
    }
    children().finish();
    System.out.flush();
    System.err.flush();
    return code;
  }

  private void checkNotClosed() {
    if (closed) {
      throw new IllegalStateException("process object " + name + " is closed");
    }
  }

  private static int[] append(int[] base, int next) {
    int[] out = Arrays.copyOf(base, base.length + 1);
    out[base.length] = next;
    return out;
  }
}
