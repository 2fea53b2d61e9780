package io.multiproc.internal.sync;

import io.multiproc.internal.route.Waiters;
import io.multiproc.internal.transport.Peer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * INTERNAL API. The state behind a Lock. It grants the lock to a JVM as a lease: that JVM's
 * {@link LeasedLock} keeps the lock after its threads release it, and takes and releases it again
 * without a message, until this state recalls it because another JVM asked. JVMs are served first
 * come, first served; a lease is recalled as soon as it is granted when others wait, so a JVM keeps
 * the lock at most one round trip longer than it needs it. A recall or revoke is pushed to the
 * holder where its grant went (a lane read all the time, Artery's inbox, or this JVM's inbox).
 *
 * <p>When the JVM of the lease holder ends (its lane, its pid, Artery's watch), the lock is free
 * again, and that is logged with the name and pid of the process that held it. A JVM whose
 * process ends normally while one of its threads holds the lock says so first ({@link Leave}):
 * the lock then stays locked, by nobody this state can ask, until any process releases it (as
 * under CPython).
 */
public final class LockState extends SyncState<LockState.Command> {
  private static final Logger LOG = LoggerFactory.getLogger(LockState.class);

  /** The lock's protocol. */
  public sealed interface Command extends SyncState.Request
      permits Acquire, Return, Busy, Release, Revoked, Cancel, Leave, State {}

  /**
   * A JVM asks for the lock; waits when {@code block} (at most {@code timeoutMs}, or for ever when
   * negative). Answers {@link Reply.Ok} (the lease, whose id is {@code id}) or {@link Reply.No};
   * {@code who} names the asking process for the log.
   */
  public record Acquire(long id, boolean block, long timeoutMs, ActorRef<Reply> replyTo,
      String who) implements Command {}

  /** Lease {@code id} comes back: its JVM holds the lock no more. Not answered. */
  public record Return(long id) implements Command {}

  /** Lease {@code id} was recalled while a thread held it: it comes back on release. */
  public record Busy(long id) implements Command {}

  /**
   * A process that has not got the lease releases the lock (CPython lets any process release a
   * Lock); answers {@link Reply.Ok}, or {@link Reply.Failed} when the lock was not locked.
   */
  public record Release(long id, ActorRef<Reply> replyTo) implements Command {}

  /** Lease {@code id} ends by a {@link Reply.Revoke}; {@code wasHeld} says if a thread held it. */
  public record Revoked(long id, boolean wasHeld) implements Command {}

  /**
   * The waiting {@link Acquire} {@code request} stops waiting (its thread was interrupted);
   * answers {@link Reply.Ok} when it was waiting, {@link Reply.No} when it was answered already
   * (that answer came first: a granted lease is then given back by the caller).
   */
  public record Cancel(long id, long request, ActorRef<Reply> replyTo) implements Command {}

  /**
   * The JVM holding lease {@code id} ends normally while a thread of it holds the lock: the lock
   * stays locked until a process releases it, and nothing is asked of that JVM any more.
   */
  public record Leave(long id) implements Command {}

  /** Answers {@link Reply.Answer} with a {@link Snapshot}. */
  public record State(long id, ActorRef<Reply> replyTo) implements Command {}

  /**
   * What the lock looks like now; {@code peers}: how many JVMs that asked for it are known (a
   * dead one no more, once its end is handled).
   */
  public record Snapshot(boolean leased, int waiting, String lastDeathRelease, int peers)
      implements java.io.Serializable {}

  /** An acquire, with where its answer and the pushes about its lease go, and whose it is. */
  private record Asking(Acquire request, Replier to, Peer from) {
    long id() {
      return request.id();
    }
  }

  private record Releasing(long id, Replier to) {}

  private final String name;
  private final Waiters<Asking> waiters = new Waiters<>(timer, Asking::from);
  private final List<Releasing> releasers = new ArrayList<>();
  private final java.util.Set<Peer> peers = new java.util.HashSet<>();
  private Asking holder;
  private boolean recalled;
  private boolean busy;
  /** The holder's JVM ended normally holding the lock: it is asked nothing any more. */
  private boolean left;
  private String lastDeathRelease;

  /**
   * The state of a lock called {@code name} in its log ("Lock created by …"), whose deadlines
   * {@code timers} keep.
   */
  public LockState(String name, Function<LongConsumer, Waiters.Timer> timers) {
    super(Command.class, timers);
    this.name = name;
  }

  @Override
  protected void handle(Command c, Replier to, Peer from, Answers out) {
    if (c instanceof Acquire a) {
      acquire(new Asking(a, to, from), out);
    } else if (c instanceof Return r) {
      if (isHolder(r.id())) {
        free(false, out);
      }
    } else if (c instanceof Busy b) {
      if (isHolder(b.id())) {
        busy = true;
        refuseTries(out);
      }
    } else if (c instanceof Release r) {
      release(new Releasing(r.id(), to), out);
    } else if (c instanceof Revoked r) {
      if (isHolder(r.id())) {
        free(r.wasHeld(), out);
      }
    } else if (c instanceof Cancel x) {
      out.add(to, waiters.remove(x.request()) != null ? new Reply.Ok(x.id())
          : new Reply.No(x.id()));
    } else if (c instanceof Leave l) {
      if (isHolder(l.id())) {
        left = true;
        busy = true; // tries fail at once: no thread of a live JVM holds it to ask
        refuseTries(out);
      }
    } else if (c instanceof State s) {
      out.add(to, new Reply.Answer(s.id(),
          new Snapshot(holder != null, waiters.size(), lastDeathRelease, peers.size())));
    }
  }

  private boolean isHolder(long lease) {
    return holder != null && holder.id() == lease;
  }

  private void acquire(Asking a, Answers out) {
    peers.add(a.from());
    if (holder == null && waiters.isEmpty()) {
      grant(a, out);
    } else if (a.request().timeoutMs() == 0 && (busy || !waiters.isEmpty())) {
      out.add(a.to(), new Reply.No(a.id()));
    } else {
      // a try (timeout 0) waits only until the holder says whether a thread holds the lock
      long ms = a.request().timeoutMs();
      waiters.add(a.id(), a, ms > 0 ? ms : -1);
      recall(out);
    }
  }

  private void grant(Asking a, Answers out) {
    holder = a;
    recalled = false;
    busy = false;
    left = false;
    out.add(a.to(), new Reply.Ok(a.id()));
    if (!waiters.isEmpty()) {
      recall(out); // others wait: the new holder gives it back after one use
    }
  }

  private void recall(Answers out) {
    if (holder != null && !recalled && !left) {
      recalled = true;
      out.add(holder.to(), new Reply.Recall(holder.id()));
    }
  }

  /** The holder says a thread holds the lock: tries that waited for that answer fail now. */
  private void refuseTries(Answers out) {
    waiters.removeIf(w -> w.request().timeoutMs() == 0)
        .forEach(w -> out.add(w.to(), new Reply.No(w.id())));
  }

  private void release(Releasing r, Answers out) {
    if (holder == null) {
      out.add(r.to(), new Reply.Failed(r.id(), "release unlocked lock"));
    } else if (left) { // nobody to ask: the lock is released here
      releasers.add(r);
      free(true, out);
    } else {
      releasers.add(r);
      if (releasers.size() == 1) {
        out.add(holder.to(), new Reply.Revoke(holder.id()));
      }
    }
  }

  /**
   * The lease ended; {@code wasHeld} says whether a thread held the lock then (a Return comes only
   * from a JVM where none did). The first waiting releaser released it if so; the others found it
   * unlocked. The next waiter gets the lock.
   */
  private void free(boolean wasHeld, Answers out) {
    holder = null;
    left = false;
    boolean released = wasHeld;
    for (Releasing r : releasers) {
      out.add(r.to(), released ? new Reply.Ok(r.id())
          : new Reply.Failed(r.id(), "release unlocked lock"));
      released = false;
    }
    releasers.clear();
    Asking next = waiters.takeFirst();
    if (next != null) {
      grant(next, out);
    }
  }

  @Override
  protected void expired(long id, Answers out) {
    Asking a = waiters.remove(id);
    if (a != null) {
      out.add(a.to(), new Reply.No(id));
    }
  }

  @Override
  protected void gone(Peer peer, Answers out) {
    peers.remove(peer);
    waiters.dropOwner(peer);
    if (holder != null && !left && peer.equals(holder.from())) {
      lastDeathRelease = name + ": its holder " + holder.request().who()
          + " died; the lock was released";
      LOG.warn(lastDeathRelease);
      free(true, out);
    }
  }
}
