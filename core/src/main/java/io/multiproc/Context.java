package io.multiproc;

import io.multiproc.internal.ProcessRuntime;
import io.multiproc.internal.spi.StartMethod;

/**
 * A start method and the objects made with it, the twin of CPython's {@code get_context(name)}.
 *
 * <p>Obtain one with {@link Multiprocessing#getContext(String)}; processes it makes start with its
 * method whatever the program's default is. Methods: {@code "spawn"} (a fresh JVM per process),
 * {@code "forkserver"} (a pre-warmed JVM per process; the default with multiproc-remote) and
 * {@code "thread"} (a thread of this JVM, as {@code multiprocessing.dummy}).
 */
public final class Context {
  private final StartMethod method;

  Context(StartMethod method) {
    this.method = method;
  }

  /** The name of this context's start method. */
  public String getStartMethod() {
    return method.name();
  }

  StartMethod startMethod() {
    return method;
  }

  /** A process that runs {@code target} with this context's start method. */
  public Process process(Target target) {
    return bind(new Process(target));
  }

  /** A process that runs {@code target} with one argument, with this context's start method. */
  public <A> Process process(Target.With1<A> target, A a) {
    return bind(new Process(target, a));
  }

  /** A process that runs {@code target} with two arguments, with this context's start method. */
  public <A, B> Process process(Target.With2<A, B> target, A a, B b) {
    return bind(new Process(target, a, b));
  }

  /** A process that runs {@code target} with three arguments, with this context's start method. */
  public <A, B, C> Process process(Target.With3<A, B, C> target, A a, B b, C c) {
    return bind(new Process(target, a, b, c));
  }

  /** Makes an already created process (a subclass instance, say) start with this context. */
  public <P extends Process> P bind(P process) {
    process.context(this);
    return process;
  }

  /**
   * Gets the start method ready so that the next starts are fast, as CPython's
   * {@code forkserver.ensure_running()}: for "forkserver" it boots the spare JVMs. Optional: the
   * first start does it anyway. The returned stage completes when the spares have registered.
   */
  public java.util.concurrent.CompletionStage<Void> warmUp() {
    return method.warmUp();
  }

  /** The number of CPUs this JVM may use. */
  public int cpuCount() {
    return Multiprocessing.cpuCount();
  }

  @Override
  public String toString() {
    return "Context(" + method.name() + ")";
  }

  static Context of(String name) {
    return new Context(ProcessRuntime.startMethod(name));
  }
}
