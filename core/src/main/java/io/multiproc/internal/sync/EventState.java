package io.multiproc.internal.sync;

import io.multiproc.internal.route.Waiters;
import io.multiproc.internal.transport.Peer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * INTERNAL API. An Event's state: a flag, and the processes waiting for it to be set. A waiter
 * whose JVM ends is dropped.
 */
public final class EventState extends SyncState<EventState.Command> {

  /** The protocol. */
  public sealed interface Command extends SyncState.Request
      permits SetFlag, Clear, IsSet, Wait, Cancel {}

  /** Sets the flag and wakes every waiter; answers {@link Reply.Ok}. */
  public record SetFlag(long id, ActorRef<Reply> replyTo) implements Command {}

  /** Clears the flag; answers {@link Reply.Ok}. */
  public record Clear(long id, ActorRef<Reply> replyTo) implements Command {}

  /** Answers {@link Reply.Ok} when the flag is set, {@link Reply.No} when not. */
  public record IsSet(long id, ActorRef<Reply> replyTo) implements Command {}

  /**
   * Answers {@link Reply.Ok} once the flag is set, {@link Reply.No} after {@code timeoutMs}
   * (negative: no limit) if it was not.
   */
  public record Wait(long id, long timeoutMs, ActorRef<Reply> replyTo) implements Command {}

  /**
   * The waiting {@link Wait} {@code request} stops waiting (its thread was interrupted); answers
   * {@link Reply.Ok} when it was waiting, {@link Reply.No} when it was answered already.
   */
  public record Cancel(long id, long request, ActorRef<Reply> replyTo) implements Command {}

  private record Waiting(long id, Replier to, Peer owner) {}

  private final Waiters<Waiting> waiters = new Waiters<>(timer, Waiting::owner);
  private boolean flag;

  /** A new event, not set, whose deadlines {@code timers} keep. */
  public EventState(Function<LongConsumer, Waiters.Timer> timers) {
    super(Command.class, timers);
  }

  @Override
  protected void handle(Command c, Replier to, Peer from, Answers out) {
    if (c instanceof SetFlag) {
      flag = true;
      for (Waiting w : waiters.takeAll()) {
        out.add(w.to(), new Reply.Ok(w.id()));
      }
      out.add(to, new Reply.Ok(c.id()));
    } else if (c instanceof Clear) {
      flag = false;
      out.add(to, new Reply.Ok(c.id()));
    } else if (c instanceof IsSet) {
      out.add(to, flag ? new Reply.Ok(c.id()) : new Reply.No(c.id()));
    } else if (c instanceof Wait w) {
      if (flag) {
        out.add(to, new Reply.Ok(w.id()));
      } else if (w.timeoutMs() == 0) {
        out.add(to, new Reply.No(w.id()));
      } else {
        waiters.add(w.id(), new Waiting(w.id(), to, from), w.timeoutMs());
      }
    } else if (c instanceof Cancel x) {
      out.add(to, waiters.remove(x.request()) != null ? new Reply.Ok(x.id()) : new Reply.No(x.id()));
    }
  }

  @Override
  protected void expired(long id, Answers out) {
    Waiting w = waiters.remove(id);
    if (w != null) {
      out.add(w.to(), new Reply.No(w.id()));
    }
  }

  @Override
  protected void gone(Peer peer, Answers out) {
    waiters.dropOwner(peer);
  }
}
