package io.multiproc.internal.sync;

import io.multiproc.internal.route.Waiters;
import io.multiproc.internal.transport.Peer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * INTERNAL API. The state behind a Semaphore, BoundedSemaphore or RLock: a counter of permits,
 * granted to waiters first come, first served. The permits each JVM took and did not give back are counted: when that JVM dies they
 * are released, and that is logged with the name and pid of its process. A JVM whose process ends
 * normally says so first ({@link Leave}): what it holds then stays taken, as under CPython, where a
 * semaphore is a counter that another process may release later.
 */
public final class PermitState extends SyncState<PermitState.Command> {
  private static final Logger LOG = LoggerFactory.getLogger(PermitState.class);

  /** The protocol. */
  public sealed interface Command extends SyncState.Request
      permits Acquire, Release, Cancel, Leave, State {}

  /**
   * Takes a permit for the process {@code who}; waits when {@code block}
   * (at most {@code timeoutMs}, for ever when negative). Answers {@link Reply.Ok} or {@link
   * Reply.No}.
   */
  public record Acquire(long id, boolean block, long timeoutMs, ActorRef<Reply> replyTo,
      String who) implements Command {}

  /** Gives a permit back; answers {@link Reply.Ok} or {@link Reply.Failed}. */
  public record Release(long id, ActorRef<Reply> replyTo) implements Command {}

  /**
   * The waiting {@link Acquire} {@code request} stops waiting (its thread was interrupted);
   * answers {@link Reply.Ok} when it was waiting, {@link Reply.No} when it was answered already
   * (that answer came first: a grant is then given back by the caller).
   */
  public record Cancel(long id, long request, ActorRef<Reply> replyTo) implements Command {}

  /**
   * The JVM that sends it ends normally: the permits it holds stay taken (any process may release
   * them), and its waiters are dropped. Sent before its lanes and
   * Artery close, so it comes before the JVM's end on the same channel. Not answered.
   */
  public record Leave(long id) implements Command {}

  /** Answers {@link Reply.Answer} with a {@link Snapshot}. */
  public record State(long id, ActorRef<Reply> replyTo) implements Command {}

  /**
   * The permits free now, the waiters, the last release made for a dead process, and how many
   * peers that took a permit or wait are known (a dead one no more, once its end is handled).
   */
  public record Snapshot(int value, int waiting, String lastDeathRelease, int peers)
      implements java.io.Serializable {}

  private record Waiting(Acquire request, Replier to, Peer from) {}

  private final String name;
  private final int max;
  private final Waiters<Waiting> waiters = new Waiters<>(timer, Waiting::from);
  private final LinkedHashMap<Peer, Integer> held = new LinkedHashMap<>();
  private final Map<Peer, String> who = new HashMap<>();
  private final Set<Peer> peers = new HashSet<>();
  private int value;
  private String lastDeathRelease;

  /**
   * {@code value} permits; {@code max} at most (negative: no bound). {@code name} names it in the
   * log; {@code timers} keep the waiters' deadlines.
   */
  public PermitState(String name, int value, int max,
      Function<LongConsumer, Waiters.Timer> timers) {
    super(Command.class, timers);
    this.name = name;
    this.value = value;
    this.max = max;
  }

  @Override
  protected void handle(Command c, Replier to, Peer from, Answers out) {
    if (c instanceof Acquire a) {
      acquire(a, to, from, out);
    } else if (c instanceof Release r) {
      release(r, to, from, out);
    } else if (c instanceof Cancel x) {
      out.add(to, waiters.remove(x.request()) != null ? new Reply.Ok(x.id())
          : new Reply.No(x.id()));
    } else if (c instanceof Leave) {
      leave(from);
    } else if (c instanceof State s) {
      out.add(to, new Reply.Answer(s.id(),
          new Snapshot(value, waiters.size(), lastDeathRelease, peers.size())));
    }
  }

  private void acquire(Acquire a, Replier to, Peer from, Answers out) {
    peers.add(from);
    if (value > 0 && waiters.isEmpty()) {
      grant(new Waiting(a, to, from), out);
    } else if (a.timeoutMs() == 0) {
      out.add(to, new Reply.No(a.id()));
    } else {
      waiters.add(a.id(), new Waiting(a, to, from), a.timeoutMs());
    }
  }

  private void grant(Waiting w, Answers out) {
    value--;
    held.merge(w.from(), 1, Integer::sum);
    who.put(w.from(), w.request().who());
    out.add(w.to(), new Reply.Ok(w.request().id()));
  }

  private void release(Release r, Replier to, Peer from, Answers out) {
    if (max >= 0 && value >= max) {
      out.add(to, new Reply.Failed(r.id(), "semaphore or lock released too many times"));
      return;
    }
    value++;
    // any process may release a semaphore: the permit counts as the releaser's, else the oldest
    Peer of = held.getOrDefault(from, 0) > 0 ? from
        : held.keySet().stream().findFirst().orElse(null);
    if (of != null && held.merge(of, -1, Integer::sum) <= 0) {
      held.remove(of);
    }
    out.add(to, new Reply.Ok(r.id()));
    serve(out);
  }

  /** Free permits go to the waiters, first come, first served. */
  private void serve(Answers out) {
    while (value > 0 && !waiters.isEmpty()) {
      grant(waiters.takeFirst(), out);
    }
  }

  /** What {@code peer} holds stays taken, by nobody now; no grant goes to it any more. */
  private void leave(Peer peer) {
    waiters.dropOwner(peer);
    Integer n = held.remove(peer);
    if (n != null && n > 0) {
      LOG.debug("{}: its holder {} ended normally holding {}; kept", name, who.get(peer), n);
    }
    who.remove(peer);
  }

  @Override
  protected void expired(long id, Answers out) {
    Waiting w = waiters.remove(id);
    if (w != null) {
      out.add(w.to(), new Reply.No(id));
    }
  }

  @Override
  protected void gone(Peer peer, Answers out) {
    peers.remove(peer);
    waiters.dropOwner(peer);
    Integer n = held.remove(peer);
    if (n != null && n > 0) {
      value = max >= 0 ? Math.min(max, value + n) : value + n;
      lastDeathRelease = name + ": its holder " + who.get(peer) + " died holding " + n
          + (n == 1 ? " permit" : " permits") + "; released";
      LOG.warn(lastDeathRelease);
      serve(out);
    }
    who.remove(peer);
  }
}
