package io.multiproc.internal.sync;

import io.multiproc.internal.ProcessRuntime;
import io.multiproc.internal.route.Waiters;
import io.multiproc.internal.transport.Peer;
import io.multiproc.internal.transport.Receiver;
import io.multiproc.internal.transport.Receivers;
import io.multiproc.internal.wire.Wire;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * INTERNAL API. A primitive's state in the JVM that created it, called where each request comes
 * in, with no thread in between: by this JVM's own threads, by a lane's reader for another JVM
 * of this machine, by the {@code Gateway} for what came over Artery. One request is handled at a
 * time under the state's lock, and its answers go out once the lock is released, so a slow reader
 * never holds the state up. A waiter's deadline comes from the ActorSystem's scheduler (manual
 * time in a test); a peer that ends loses its waiters, and each state says what else it gives
 * back then.
 *
 * <p>This is what an actor would do, without the two thread hand-offs an actor costs each request
 * (to the actor, and from it to whoever answers): a round trip is a lane's write and read, and in
 * the state's own JVM a method call.
 *
 * @param <C> the primitive's requests
 */
public abstract class SyncState<C extends SyncState.Request> implements Receiver {
  /** The owner of the requests of this JVM's own threads: it ends only with the state. */
  public static final Peer LOCAL = new Peer() {
    @Override
    public boolean readFor(CompletableFuture<?> reply) {
      return false;
    }

    @Override
    public String toString() {
      return "this JVM";
    }
  };

  /** A request to a state: its id, and where its answer goes over Artery. */
  public interface Request extends Wire {
    /** The request's id, which its answer carries. */
    long id();

    /**
     * Where the answer goes over Artery; null over a lane or in this JVM (the caller says), and
     * for a request that is not answered (a record without a {@code replyTo} component).
     */
    default ActorRef<Reply> replyTo() {
      return null;
    }
  }

  /** The answers a request or an event made, sent once the state's lock is released. */
  protected static final class Answers {
    private final List<Replier> to = new ArrayList<>(2);
    private final List<Reply> replies = new ArrayList<>(2);

    /** Sends {@code reply} to {@code replier} once the lock is released. */
    public void add(Replier replier, Reply reply) {
      to.add(replier);
      replies.add(reply);
    }

    void send() {
      for (int i = 0; i < to.size(); i++) {
        to.get(i).reply(replies.get(i));
      }
    }
  }

  private final Class<C> type;
  /** The deadlines of this state's waiters, which come back as {@link #expired}. */
  protected final Waiters.Timer timer;

  /**
   * A state whose requests are of {@code type}, with deadlines kept by the timer that {@code
   * timers} makes for the callback it is given.
   */
  protected SyncState(Class<C> type, Function<LongConsumer, Waiters.Timer> timers) {
    this.type = type;
    this.timer = timers.apply(this::timedOut);
  }

  /** Timers on {@code system}'s scheduler, for a state's constructor. */
  public static Function<LongConsumer, Waiters.Timer> timersOf(ActorSystem<?> system) {
    return timedOut -> Waiters.Timer.of(system.scheduler(), system.executionContext(), timedOut);
  }

  /** Timers on this JVM's ActorSystem (started if it is not). */
  public static Function<LongConsumer, Waiters.Timer> timers() {
    return timersOf(ProcessRuntime.system());
  }

  /**
   * Makes this state the receiver of a new path of {@code kind} in this JVM (lanes and the
   * gateway deliver there) and returns the path, which handles carry.
   */
  public String publish(String kind) {
    return Receivers.publish(kind, this);
  }

  @Override
  public final void receive(Object message, Replier replier, Peer from) {
    C c = type.cast(message);
    ActorRef<Reply> ref = c.replyTo();
    Replier to = ref != null ? a -> ref.tell((Reply) a) : replier;
    Answers out = new Answers();
    synchronized (this) {
      handle(c, to, from == null ? LOCAL : from, out);
    }
    out.send();
  }

  @Override
  public final void peerGone(Peer from) {
    Answers out = new Answers();
    synchronized (this) {
      gone(from, out);
    }
    out.send();
  }

  /**
   * Runs {@code step} as a request of this JVM's own: under the state's lock, with its answers
   * sent once the lock is released.
   */
  protected final void locally(java.util.function.Consumer<Answers> step) {
    Answers out = new Answers();
    synchronized (this) {
      step.accept(out);
    }
    out.send();
  }

  private void timedOut(long id) {
    Answers out = new Answers();
    synchronized (this) {
      expired(id, out);
    }
    out.send();
  }

  /** Handles {@code request} of {@code from}, holding the lock; its answer goes to {@code to}. */
  protected abstract void handle(C request, Replier to, Peer from, Answers out);

  /** The deadline of waiter {@code id} passed (it may have been served meanwhile). */
  protected abstract void expired(long id, Answers out);

  /** {@code peer} ended: its waiters are dropped; what it held is given back or kept. */
  protected abstract void gone(Peer peer, Answers out);
}
