package io.multiproc.internal.sync;

import io.multiproc.internal.wire.Wire;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * INTERNAL API. The actor behind a Value (one element) or an Array: the elements, each read and
 * written whole. Compound updates take the object's lock, as in CPython.
 */
public final class ValueActor {
  /** The protocol. */
  public sealed interface Command extends Wire permits Get, Put, GetAll {}

  /** Answers {@link Reply.Answer} with element {@code index}. */
  public record Get(long id, int index, ActorRef<Reply> replyTo) implements Command {}

  /** Stores {@code value} at {@code index}; answers {@link Reply.Ok}. */
  public record Put(long id, int index, Serializable value, ActorRef<Reply> replyTo)
      implements Command {}

  /** Answers {@link Reply.Answer} with every element, in an ArrayList. */
  public record GetAll(long id, ActorRef<Reply> replyTo) implements Command {}

  private ValueActor() {}

  /** An actor holding {@code initial} (copied). */
  public static Behavior<Command> create(Serializable[] initial) {
    Serializable[] values = initial.clone();
    return Behaviors.receive(Command.class)
        .onMessage(Get.class, g -> {
          g.replyTo().tell(new Reply.Answer(g.id(), values[g.index()]));
          return Behaviors.same();
        })
        .onMessage(Put.class, p -> {
          values[p.index()] = p.value();
          p.replyTo().tell(new Reply.Ok(p.id()));
          return Behaviors.same();
        })
        .onMessage(GetAll.class, g -> {
          g.replyTo().tell(new Reply.Answer(g.id(), new ArrayList<>(Arrays.asList(values))));
          return Behaviors.same();
        })
        .build();
  }
}
