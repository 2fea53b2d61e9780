package io.multiproc;

import io.multiproc.internal.ProcessRuntime;
import io.multiproc.spi.StartMethod;
import java.time.Duration;
import java.util.List;

/**
 * A start method and the objects made with it, the twin of CPython's {@code get_context(name)}.
 *
 * <p>Obtain one with {@link Multiprocessing#getContext(String)}; processes it makes start with its
 * method whatever the program's default is. Methods: {@code "spawn"} (a fresh JVM per process),
 * {@code "forkserver"} (a pre-warmed JVM per process; the default with multiproc-remote) and
 * {@code "thread"} (a thread of this JVM, as {@code multiprocessing.dummy}).
 *
 * <p>As CPython's {@code BaseContext}, it has a factory for every shared object ({@code
 * ctx.queue()}, {@code ctx.lock()}, …), each the same as the object's constructor: a shared object
 * reaches processes of any start method.
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

  // The shared objects: each factory is its class's constructor (or Pipe.open), as CPython's
  // BaseContext.Queue() is multiprocessing.Queue(); a shared object does not depend on the start
  // method, so what a context makes reaches the processes of every context.

  /**
   * An unbounded queue, as {@code ctx.Queue()}; see {@link Queue#Queue()}.
   *
   * @throws ProcessError when this process cannot start its ActorSystem
   */
  public <T> Queue<T> queue() {
    return new Queue<>();
  }

  /**
   * A queue holding at most {@code maxsize} items (0 or less: unbounded), as
   * {@code ctx.Queue(maxsize)}; see {@link Queue#Queue(int)}.
   *
   * @throws ProcessError when this process cannot start its ActorSystem
   */
  public <T> Queue<T> queue(int maxsize) {
    return new Queue<>(maxsize);
  }

  /** An unbounded simple queue, as {@code ctx.SimpleQueue()}; see {@link SimpleQueue}. */
  public <T> SimpleQueue<T> simpleQueue() {
    return new SimpleQueue<>();
  }

  /** An unbounded joinable queue, as {@code ctx.JoinableQueue()}; see {@link JoinableQueue}. */
  public <T> JoinableQueue<T> joinableQueue() {
    return new JoinableQueue<>();
  }

  /**
   * A joinable queue holding at most {@code maxsize} items (0 or less: unbounded), as
   * {@code ctx.JoinableQueue(maxsize)}; see {@link JoinableQueue#JoinableQueue(int)}.
   */
  public <T> JoinableQueue<T> joinableQueue(int maxsize) {
    return new JoinableQueue<>(maxsize);
  }

  /** A duplex pipe, as {@code ctx.Pipe()}; see {@link Pipe#open()}. */
  public Pipe pipe() {
    return Pipe.open();
  }

  /**
   * A pipe, duplex or else {@code left} receiving only and {@code right} sending only, as
   * {@code ctx.Pipe(duplex)}; see {@link Pipe#open(boolean)}.
   *
   * @throws ProcessError when this process cannot start its ActorSystem
   */
  public Pipe pipe(boolean duplex) {
    return Pipe.open(duplex);
  }

  /** A lock that any process may release, as {@code ctx.Lock()}; see {@link Lock}. */
  public Lock lock() {
    return new Lock();
  }

  /** A lock its owner may take again, as {@code ctx.RLock()}; see {@link RLock}. */
  public RLock rLock() {
    return new RLock();
  }

  /** A semaphore with one permit, as {@code ctx.Semaphore()}; see {@link Semaphore}. */
  public Semaphore semaphore() {
    return new Semaphore();
  }

  /**
   * A semaphore with {@code value} permits, as {@code ctx.Semaphore(value)}; see
   * {@link Semaphore#Semaphore(int)}.
   *
   * @throws IllegalArgumentException when {@code value} is negative
   */
  public Semaphore semaphore(int value) {
    return new Semaphore(value);
  }

  /**
   * A bounded semaphore with one permit, as {@code ctx.BoundedSemaphore()}; see
   * {@link BoundedSemaphore}.
   */
  public BoundedSemaphore boundedSemaphore() {
    return new BoundedSemaphore();
  }

  /**
   * A bounded semaphore with {@code value} permits, never more, as
   * {@code ctx.BoundedSemaphore(value)}; see {@link BoundedSemaphore#BoundedSemaphore(int)}.
   *
   * @throws IllegalArgumentException when {@code value} is negative
   */
  public BoundedSemaphore boundedSemaphore(int value) {
    return new BoundedSemaphore(value);
  }

  /** An event, not set, as {@code ctx.Event()}; see {@link Event}. */
  public Event event() {
    return new Event();
  }

  /** A condition with a new RLock, as {@code ctx.Condition()}; see {@link Condition}. */
  public Condition condition() {
    return new Condition();
  }

  /**
   * A condition over {@code lock}, as {@code ctx.Condition(lock)}; see
   * {@link Condition#Condition(Acquirable)}.
   *
   * @throws IllegalArgumentException when {@code lock} is neither a Lock nor an RLock
   */
  public Condition condition(Acquirable lock) {
    return new Condition(lock);
  }

  /**
   * A barrier for {@code parties}, as {@code ctx.Barrier(parties)}; see
   * {@link Barrier#Barrier(int)}.
   *
   * @throws IllegalArgumentException when {@code parties} is less than 1
   */
  public Barrier barrier(int parties) {
    return new Barrier(parties);
  }

  /**
   * A barrier for {@code parties} with an {@code action} (may be null) and a default
   * {@code timeout} (null: none), as {@code ctx.Barrier(parties, action, timeout)}; see
   * {@link Barrier#Barrier(int, Target, Duration)}.
   *
   * @throws IllegalArgumentException when {@code parties} is less than 1 or {@code timeout} is
   *     negative
   */
  public Barrier barrier(int parties, Target action, Duration timeout) {
    return new Barrier(parties, action, timeout);
  }

  /**
   * A shared value of {@code typecode} starting as {@code initial}, with a new RLock, as
   * {@code ctx.Value(typecode, initial)}; see {@link Value#Value(String, Object)}.
   *
   * @throws IllegalArgumentException for an unknown type code or a value it cannot hold
   */
  public <T> Value<T> value(String typecode, T initial) {
    return new Value<>(typecode, initial);
  }

  /**
   * A shared value with a new RLock ({@code lock} true) or none, as
   * {@code ctx.Value(typecode, initial, lock=lock)}; see {@link Value#Value(String, Object,
   * boolean)}.
   *
   * @throws IllegalArgumentException for an unknown type code or a value it cannot hold
   */
  public <T> Value<T> value(String typecode, T initial, boolean lock) {
    return new Value<>(typecode, initial, lock);
  }

  /**
   * A shared value guarded by {@code lock}, as {@code ctx.Value(typecode, initial, lock=lock)};
   * see {@link Value#Value(String, Object, Acquirable)}.
   *
   * @throws IllegalArgumentException for an unknown type code or a value it cannot hold
   * @throws NullPointerException when {@code lock} is null
   */
  public <T> Value<T> value(String typecode, T initial, Acquirable lock) {
    return new Value<>(typecode, initial, lock);
  }

  /**
   * A shared array of {@code size} zeros of {@code typecode}, with a new RLock, as
   * {@code ctx.Array(typecode, size)}; see {@link Array#Array(String, int)}.
   *
   * @throws IllegalArgumentException for an unknown type code or a negative size
   */
  public <T> Array<T> array(String typecode, int size) {
    return new Array<>(typecode, size);
  }

  /**
   * A shared array of {@code values}, with a new RLock, as {@code ctx.Array(typecode, values)};
   * see {@link Array#Array(String, List)}.
   *
   * @throws IllegalArgumentException for an unknown type code or a value it cannot hold
   */
  public <T> Array<T> array(String typecode, List<T> values) {
    return new Array<>(typecode, values);
  }

  /**
   * A shared array of {@code values} with a new RLock ({@code lock} true) or none, as
   * {@code ctx.Array(typecode, values, lock=lock)}; see {@link Array#Array(String, List,
   * boolean)}.
   *
   * @throws IllegalArgumentException for an unknown type code or a value it cannot hold
   */
  public <T> Array<T> array(String typecode, List<T> values, boolean lock) {
    return new Array<>(typecode, values, lock);
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
