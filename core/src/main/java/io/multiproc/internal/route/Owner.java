package io.multiproc.internal.route;

import io.multiproc.OwnerGoneError;
import io.multiproc.internal.PidWatch;
import io.multiproc.internal.ProcessRuntime;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * INTERNAL API. The JVM that owns a shared object (its state lives there), as the object's handle
 * carries it: pid, host and start time. Any JVM of the same machine learns of the owner's end from
 * its process ({@link PidWatch}, within a quarter of a second) instead of waiting for an answer
 * that cannot come; a request then fails with {@link OwnerGoneError}, at once when the end was
 * known before it was made. An owner on another machine is not watched here (Artery's failure
 * detector is).
 *
 * @param pid the owner's process id
 * @param host the host the owner's Artery listens on
 * @param startMillis when the owner's process started (epoch ms), -1 unknown: a reused pid is
 *     told apart by it
 */
public record Owner(long pid, String host, long startMillis) implements Serializable {
  /** Start times read by two JVMs may differ by rounding; a reused pid starts much later. */
  private static final long START_SLACK_MS = 1000;
  private static final Map<Owner, Watch> WATCHES = new ConcurrentHashMap<>();
  private static volatile Owner here;

  /** What this JVM knows of one owner: whether it is gone, and who waits to hear of it. */
  private static final class Watch {
    volatile boolean gone;
    final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    final List<Runnable> hooks = new CopyOnWriteArrayList<>();
  }

  /** This JVM, as the owner of what it creates. */
  public static Owner here() {
    Owner o = here;
    if (o == null) {
      ProcessHandle me = ProcessHandle.current();
      o = new Owner(me.pid(), ProcessRuntime.host(), startOf(me));
      here = o;
    }
    return o;
  }

  private static long startOf(ProcessHandle p) {
    return p.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(-1L);
  }

  /** Whether this JVM is the owner. */
  public boolean isHere() {
    Owner h = here();
    return pid == h.pid && host.equals(h.host);
  }

  /**
   * Whether the owner is known to have ended; the first question about an owner looks at its
   * process and starts watching it.
   */
  public boolean gone() {
    Watch w = watch();
    return w != null && w.gone;
  }

  /**
   * Fails {@code answer} with {@link OwnerGoneError} ({@code what} names the object) when the
   * owner ends before it completes, at once if it has ended; call {@link #untrack} after.
   */
  public void track(CompletableFuture<?> answer, String what) {
    Watch w = watch();
    if (w == null) {
      return;
    }
    w.pending.add(answer);
    if (w.gone) {
      answer.completeExceptionally(error(what, null));
    }
  }

  /** Stops tracking {@code answer}. */
  public void untrack(CompletableFuture<?> answer) {
    Watch w = WATCHES.get(this);
    if (w != null) {
      w.pending.remove(answer);
    }
  }

  /** Runs {@code hook} once the owner is known to have ended (at once if it is). */
  public void onGone(Runnable hook) {
    Watch w = watch();
    if (w == null) {
      return;
    }
    w.hooks.add(hook);
    if (w.gone && w.hooks.remove(hook)) {
      hook.run();
    }
  }

  /** The error a call on {@code what} raises now that the owner is gone. */
  public OwnerGoneError error(String what, Throwable cause) {
    return new OwnerGoneError("the process that owns this " + what + " (pid " + pid + ") is gone:"
        + " a shared object lives in the process that created it; keep that process running"
        + " while others use the object", cause);
  }

  /** The watch of this owner, started on first use; null when it is this JVM or not watchable. */
  private Watch watch() {
    if (isHere()) {
      return null;
    }
    Watch w = WATCHES.get(this);
    if (w != null) {
      return w;
    }
    if (!host.equals(here().host)) {
      return null;
    }
    Watch created = new Watch();
    w = WATCHES.putIfAbsent(this, created);
    if (w != null) {
      return w;
    }
    if (!alive() || !PidWatch.onExit(pid, () -> ended(created))) {
      ended(created);
    }
    return created;
  }

  /** Whether the owner's process runs now (a pid reused by a later process does not count). */
  private boolean alive() {
    Optional<ProcessHandle> p = ProcessHandle.of(pid);
    return p.isPresent() && p.get().isAlive()
        && (startMillis < 0 || startOf(p.get()) < 0
            || Math.abs(startOf(p.get()) - startMillis) <= START_SLACK_MS);
  }

  /**
   * As {@link #gone}, looking at the owner's process now rather than waiting for its watch: for
   * a caller that just failed to reach it.
   */
  public boolean goneNow() {
    Watch w = watch();
    if (w != null && !w.gone && !alive()) {
      ended(w);
    }
    return w != null && w.gone;
  }

  private void ended(Watch w) {
    w.gone = true;
    for (CompletableFuture<?> f : w.pending) {
      f.completeExceptionally(error("shared object", null));
    }
    for (Runnable hook : w.hooks) {
      if (w.hooks.remove(hook)) {
        hook.run();
      }
    }
  }
}
