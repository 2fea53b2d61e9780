package io.multiproc.internal.sync;

import io.multiproc.internal.route.Waiters;
import io.multiproc.internal.transport.Peer;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * INTERNAL API. The state behind a Value (one element) or an Array: the elements, each read and
 * written whole. Compound updates take the object's lock, as in CPython. Nothing waits here, so a
 * peer's end leaves nothing to clean up.
 */
public final class ValueState extends SyncState<ValueState.Command> {
  /** Nothing waits at a value: no request ever sets a deadline. */
  private static final Waiters.Timer NO_DEADLINES = new Waiters.Timer() {
    @Override
    public void start(long id, long ms) {
      throw new IllegalStateException("nothing waits at a value");
    }

    @Override
    public void cancel(long id) {}
  };

  /** The protocol. */
  public sealed interface Command extends SyncState.Request permits Get, Put, GetAll {}

  /** Answers {@link Reply.Answer} with element {@code index}. */
  public record Get(long id, int index, ActorRef<Reply> replyTo) implements Command {}

  /** Stores {@code value} at {@code index}; answers {@link Reply.Ok}. */
  public record Put(long id, int index, Serializable value, ActorRef<Reply> replyTo)
      implements Command {}

  /** Answers {@link Reply.Answer} with every element, in an ArrayList. */
  public record GetAll(long id, ActorRef<Reply> replyTo) implements Command {}

  private final Serializable[] values;

  /** A state holding {@code initial} (copied). */
  public ValueState(Serializable[] initial) {
    super(Command.class, timedOut -> NO_DEADLINES);
    this.values = initial.clone();
  }

  @Override
  protected void handle(Command c, Replier to, Peer from, Answers out) {
    if (c instanceof Get g) {
      out.add(to, new Reply.Answer(g.id(), values[g.index()]));
    } else if (c instanceof Put p) {
      values[p.index()] = p.value();
      out.add(to, new Reply.Ok(p.id()));
    } else if (c instanceof GetAll g) {
      // a copy: in this JVM the answer reaches its reader unserialized
      out.add(to, new Reply.Answer(g.id(), new ArrayList<>(Arrays.asList(values))));
    }
  }

  @Override
  protected void expired(long id, Answers out) {}

  @Override
  protected void gone(Peer peer, Answers out) {}
}
