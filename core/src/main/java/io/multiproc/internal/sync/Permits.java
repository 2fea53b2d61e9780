package io.multiproc.internal.sync;

import io.multiproc.internal.ProcessRuntime;
import java.time.Duration;

/**
 * INTERNAL API. One JVM's side of a {@link PermitActor}: the round trips of acquire and release,
 * and the identity of the calling thread that an RLock's owner is.
 */
public final class Permits {
  private final SharedRef<PermitActor.Command> actor;

  /** The permits of the actor at {@code path}. */
  public Permits(String path) {
    this.actor = new SharedRef<>(path, "semaphore");
  }

  /** Starts the actor of a new primitive and returns its address. */
  public static String spawn(String kind, int value, int max, boolean owned) {
    return ProcessRuntime.spawnShared(PermitActor.create(kind + " created by "
        + SharedRef.caller(), value, max, owned), kind.toLowerCase(java.util.Locale.ROOT));
  }

  /** The calling thread as an owner, unique in the program. */
  public static String thisThread() {
    return ProcessRuntime.registryPath() + "#" + Thread.currentThread().getId();
  }

  /**
   * Takes a permit for {@code owner}; waits when {@code block}, at most {@code timeout} (null: no
   * limit); false when none came in time.
   */
  public boolean acquire(boolean block, Duration timeout, String owner) {
    return actor.ask((id, replyTo) -> new PermitActor.Acquire(id, block,
        SharedRef.millis(block, timeout), replyTo, ProcessRuntime.registry(), owner,
        SharedRef.caller()), block ? timeout : Duration.ZERO) instanceof Reply.Ok;
  }

  /**
   * Gives a permit back for {@code owner}.
   *
   * @throws IllegalStateException when the actor refused (too many releases, not the owner)
   */
  public void release(String owner) {
    actor.call((id, replyTo) -> new PermitActor.Release(id, replyTo, ProcessRuntime.registry(),
        owner), Duration.ZERO);
  }

  /** What the actor knows now. */
  public PermitActor.Snapshot snapshot() {
    return (PermitActor.Snapshot) ((Reply.Answer) actor.ask((id, replyTo) ->
        new PermitActor.State(id, replyTo), Duration.ZERO)).value();
  }
}
