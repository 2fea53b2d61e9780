package io.multiproc.internal.sync;

import io.multiproc.internal.route.Waiters;
import io.multiproc.internal.transport.Peer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * INTERNAL API. The state behind a Condition: the waiters, woken first come, first served. (The
 * lock is a Lock or RLock of its own.) A waiter whose JVM ends is dropped, so a notify never goes
 * to the dead.
 */
public final class ConditionState extends SyncState<ConditionState.Command> {

  /** The protocol. */
  public sealed interface Command extends SyncState.Request
      permits Enlist, Notify, Cancel, State {}

  /**
   * Enlists waiter {@code ticket} and answers {@link Reply.Ok} at once (the waiter then releases
   * the lock); the waiter gets {@link Reply.Ok} for {@code ticket} when notified, {@link Reply.No}
   * after {@code timeoutMs} (negative: no limit). Both answers go where the enlisting's goes.
   */
  public record Enlist(long id, long ticket, long timeoutMs, ActorRef<Reply> replyTo)
      implements Command {}

  /** Wakes the first {@code n} waiters (all when negative); answers {@link Reply.Ok}. */
  public record Notify(long id, int n, ActorRef<Reply> replyTo) implements Command {}

  /**
   * Waiter {@code ticket} stops waiting (its thread was interrupted); answers {@link Reply.Ok}
   * when it was waiting, {@link Reply.No} when it was woken or timed out already (that answer
   * came first: a notify is then passed on by the caller).
   */
  public record Cancel(long id, long ticket, ActorRef<Reply> replyTo) implements Command {}

  /** Answers {@link Reply.Answer} with the number of waiters (an Integer). */
  public record State(long id, ActorRef<Reply> replyTo) implements Command {}

  private record Waiting(long ticket, Replier to, Peer from) {}

  private final Waiters<Waiting> waiters = new Waiters<>(timer, Waiting::from);

  /** A condition with no waiter, whose deadlines {@code timers} keep. */
  public ConditionState(Function<LongConsumer, Waiters.Timer> timers) {
    super(Command.class, timers);
  }

  @Override
  protected void handle(Command c, Replier to, Peer from, Answers out) {
    if (c instanceof Enlist e) {
      waiters.add(e.ticket(), new Waiting(e.ticket(), to, from), e.timeoutMs());
      out.add(to, new Reply.Ok(e.id()));
    } else if (c instanceof Notify n) {
      for (int i = 0; (n.n() < 0 || i < n.n()) && !waiters.isEmpty(); i++) {
        Waiting w = waiters.takeFirst();
        out.add(w.to(), new Reply.Ok(w.ticket()));
      }
      out.add(to, new Reply.Ok(n.id()));
    } else if (c instanceof Cancel x) {
      out.add(to, waiters.remove(x.ticket()) != null ? new Reply.Ok(x.id())
          : new Reply.No(x.id()));
    } else if (c instanceof State s) {
      out.add(to, new Reply.Answer(s.id(), waiters.size()));
    }
  }

  @Override
  protected void expired(long ticket, Answers out) {
    Waiting w = waiters.remove(ticket);
    if (w != null) {
      out.add(w.to(), new Reply.No(ticket));
    }
  }

  @Override
  protected void gone(Peer peer, Answers out) {
    waiters.dropOwner(peer);
  }
}
