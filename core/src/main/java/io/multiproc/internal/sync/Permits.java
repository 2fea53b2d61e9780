package io.multiproc.internal.sync;

import io.multiproc.internal.Finalizers;
import io.multiproc.internal.ProcessRuntime;
import java.time.Duration;

/**
 * INTERNAL API. The way to a {@link PermitState} from whichever JVM this object reached (it
 * travels inside the Semaphore's or RLock's handle): the round trips of acquire and release,
 * of the Semaphore's or BoundedSemaphore's handle.
 */
public final class Permits implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  /** The states this JVM took a permit of, by path: they hear of its normal end. */
  private static final java.util.Map<String, SharedRef<PermitState.Command>> USED =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final SharedRef<PermitState.Command> state;

  /**
   * Publishes the state of a new {@code kind} (Semaphore, BoundedSemaphore) with {@code value}
   * permits, at most {@code max} (negative: no bound).
   */
  public Permits(String kind, int value, int max) {
    this.state = SharedRef.ofState(new PermitState(kind + " created by " + SharedRef.caller(),
        value, max, SyncState.timers()).publish(kind.toLowerCase(java.util.Locale.ROOT)),
        kind);
  }

  /**
   * Takes a permit for {@code owner}; waits when {@code block}, at most {@code timeout} (null: no
   * limit); false when none came in time.
   */
  public boolean acquire(boolean block, Duration timeout) {
    long request = SharedRef.nextId();
    // interrupted: the acquire stops waiting at the state, and a permit that raced it goes back
    boolean got = state.ask(request, (id, replyTo) -> new PermitState.Acquire(id, block,
        SharedRef.millis(block, timeout), replyTo, SharedRef.caller()), block ? timeout : Duration.ZERO,
        (id, replyTo) -> new PermitState.Cancel(id, request, replyTo),
        raced -> {
          if (raced instanceof Reply.Ok) {
            release();
          }
        }) instanceof Reply.Ok;
    if (got && !state.owner().isHere() && USED.putIfAbsent(state.path(), state) == null) {
      Finalizers.register("primitives left normally", Finalizers.LEAVE_PRIMITIVES,
          SyncObjects::leaveAll);
    }
    return got;
  }

  /**
   * This JVM ends normally: the permits it holds of every semaphore and RLock it used stay
   * taken (CPython: any process may release them later); the states are told before the lanes
   * and Artery close. Called as a process ends.
   */
  public static void leaveAll() {
    for (SharedRef<PermitState.Command> used : USED.values()) {
      used.tell(new PermitState.Leave(SharedRef.nextId()));
    }
  }

  /**
   * Gives a permit back.
   *
   * @throws IllegalStateException when the state refused (too many releases)
   */
  public void release() {
    state.call((id, replyTo) -> new PermitState.Release(id, replyTo), Duration.ZERO);
  }

  /** The state's address: the primitive's identity in every JVM. */
  public String path() {
    return state.path();
  }

  /** What the state knows now. */
  public PermitState.Snapshot snapshot() {
    return (PermitState.Snapshot) ((Reply.Answer) state.ask((id, replyTo) ->
        new PermitState.State(id, replyTo), Duration.ZERO)).value();
  }
}
