package io.multiproc;

import io.multiproc.internal.Timeouts;
import io.multiproc.internal.sync.EventState;
import io.multiproc.internal.sync.SyncState;
import io.multiproc.internal.sync.Reply;
import io.multiproc.internal.sync.SharedRef;
import java.io.Serializable;
import java.time.Duration;

/**
 * A flag shared by processes, the twin of CPython's {@code multiprocessing.Event}: {@code wait}
 * blocks until some process calls {@code set}; {@code clear} lowers the flag again.
 *
 * <p>The event's state lives in the process that created it; this object is a handle that
 * reaches it from any process it is passed to. A waiter whose process dies is dropped.
 */
public final class Event implements Serializable {
  private static final long serialVersionUID = 1L;

  private final SharedRef<EventState.Command> state;

  /**
   * A new event, not set.
   *
   * @throws ProcessError when this process cannot start its ActorSystem
   */
  public Event() {
    this.state = SharedRef.ofState(new EventState(SyncState.timers()).publish("event"), "event");
  }

  /** Sets the flag: every waiting process wakes, and later waits return at once. */
  public void set() {
    state.ask(EventState.SetFlag::new, Duration.ZERO);
  }

  /** Clears the flag: later waits block until the next {@code set}. */
  public void clear() {
    state.ask(EventState.Clear::new, Duration.ZERO);
  }

  /** Whether the flag is set now, as {@code is_set()}. */
  public boolean isSet() {
    return state.ask(EventState.IsSet::new, Duration.ZERO) instanceof Reply.Ok;
  }

  /**
   * Waits until the flag is set; returns true.
   *
   * @throws ProcessError when the event's process is gone or the wait is interrupted
   */
  public boolean await() {
    return await(null);
  }

  /**
   * Waits until the flag is set, at most {@code timeout} (null: no limit); returns the flag,
   * so false means the time ran out, as CPython's {@code wait(timeout)}.
   *
   * @throws IllegalArgumentException when {@code timeout} is negative
   * @throws ProcessError when the event's process is gone, or the wait is interrupted (the cause
   *     is the InterruptedException, the flag stays set, and nothing waits at the event any more)
   */
  public boolean await(Duration timeout) {
    long ms = SharedRef.millis(true, Timeouts.check(timeout));
    long request = SharedRef.nextId();
    // interrupted: the wait is taken off the event's list (nothing to give back)
    return state.ask(request, (id, replyTo) -> new EventState.Wait(id, ms, replyTo), timeout,
        (id, replyTo) -> new EventState.Cancel(id, request, replyTo),
        null) instanceof Reply.Ok;
  }

  @Override
  public String toString() {
    return "<Event>";
  }
}
