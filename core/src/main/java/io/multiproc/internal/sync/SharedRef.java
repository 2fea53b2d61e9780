package io.multiproc.internal.sync;

import io.multiproc.OwnerGoneError;
import io.multiproc.ProcessError;
import io.multiproc.internal.ProcessRuntime;
import io.multiproc.internal.lane.LaneServer;
import io.multiproc.internal.route.Owner;
import io.multiproc.internal.route.PushLanes;
import io.multiproc.internal.route.Route;
import io.multiproc.internal.transport.Gateway;
import io.multiproc.internal.transport.Receiver;
import io.multiproc.internal.transport.Receivers;
import io.multiproc.internal.wire.Wire;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * INTERNAL API. The way to a synchronisation primitive's {@link SyncState} from whichever JVM this
 * object reached (it travels inside the primitive's handle): the state's address, the JVM that
 * owns it, and the blocking round trip ("send request {@code id}, wait for the answer with that
 * id") that every Python-shaped method makes. In the state's own JVM a request is a method call on
 * the state; from any other it takes the {@link Route} chosen for it, with {@link SyncInbox} as
 * its inbox over Artery.
 *
 * <p>A request to a state whose JVM is gone fails with {@link OwnerGoneError}: at once when its
 * end is known, else as soon as it is (its lane ends; its pid is gone, which {@link Owner} learns
 * within a quarter of a second), never after the request's timeout and a margin, which is kept
 * only for an owner this JVM cannot watch (on another machine).
 *
 * @param <C> the state's protocol
 */
public final class SharedRef<C> implements java.io.Serializable {
  private static final long serialVersionUID = 4L;
  /** Where the answers of the primitives' states come in over Artery. */
  private static final Route.Inbox<Reply> INBOX =
      Route.Inbox.of(SyncInbox::ref, SyncInbox::expect, SyncInbox::forget);

  private final String path;
  private final String what;
  /** Where the state's JVM accepts lanes; null: other JVMs reach the state over Artery. */
  private final String laneAddress;
  /** Which lane reaches the state: the shared one, or one read all the time (pushes). */
  private final Route.Target target;
  private final Owner owner;
  private transient volatile Route route;

  /**
   * The {@link SyncState} published at {@code path} in this JVM: its threads call it directly,
   * other JVMs of this program reach it over a lane to this JVM where there is one (its reader
   * calls the state), else over Artery (the gateway calls it).
   */
  public static <C> SharedRef<C> ofState(String path, String what) {
    return new SharedRef<>(path, what, LaneServer.address(), Route.Target.RECEIVER);
  }

  /**
   * As {@link #ofState}, for a state that pushes messages nobody asked for (a lock's recalls) to
   * where the answer of the request they concern went: other JVMs reach it over a lane of their
   * own to this JVM that a thread reads all the time ({@link PushLanes}), else over Artery.
   */
  public static <C> SharedRef<C> withPushes(String path, String what) {
    return new SharedRef<>(path, what, LaneServer.address(), Route.Target.PUSHING_RECEIVER);
  }

  private SharedRef(String path, String what, String laneAddress, Route.Target target) {
    Gateway.ensureStarted(); // made where the state is: other JVMs reach it through the gateway
    this.path = path;
    this.what = what;
    this.laneAddress = laneAddress;
    this.target = target;
    this.owner = Owner.here();
  }

  /** The JVM the state lives in. */
  public Owner owner() {
    return owner;
  }

  private Route route() {
    Route r = route;
    if (r == null) {
      r = new Route(path, what, laneAddress, target, owner);
      route = r;
    }
    return r;
  }

  /** A request id no other request of the program uses. */
  public static long nextId() {
    return Route.nextId();
  }

  /** The state, in its own JVM. */
  private Receiver state() {
    Receiver state = Receivers.here(path);
    if (state == null) {
      throw new IllegalStateException("the " + what + " at " + path + " is not in this JVM");
    }
    return state;
  }

  /**
   * Sends {@code message} without waiting for anything; to a state whose JVM is gone, it is
   * dropped (nothing waits for it there).
   */
  public void tell(C message) {
    send(message, false);
  }

  /**
   * As {@link #tell}, for one of a stream of small writes that may wait a moment (a value's
   * writes under its lease): to another JVM it leaves within tens of microseconds, with others.
   */
  public void tellLazily(C message) {
    send(message, true);
  }

  private void send(C message, boolean lazily) {
    if (owner.isHere()) {
      state().receive(message, Receiver.Replier.NONE, SyncState.LOCAL);
      return;
    }
    Route.Request request = (replyTo, jvm) -> (Wire) message;
    try {
      if (lazily) {
        route().tellLazily(request, INBOX);
      } else {
        route().tell(request, INBOX, false);
      }
    } catch (ProcessError e) {
      // the state's JVM is gone: nothing waits for the message there
    }
  }

  /**
   * Sends the request made by {@code request} from a fresh id and this JVM's inbox, and waits for
   * its answer; {@code wait} is how long the state itself may keep it waiting (null: for ever).
   *
   * @throws OwnerGoneError when the state's JVM is gone, or ends before it answers
   * @throws ProcessError when the state does not answer within {@code wait} and a margin, or the
   *     wait is interrupted
   */
  public Reply ask(BiFunction<Long, ActorRef<Reply>, C> request, Duration wait) {
    return ask(nextId(), request, wait);
  }

  /** As {@link #ask(BiFunction, Duration)} with a request id the caller drew already. */
  @SuppressWarnings("unchecked")
  public Reply ask(long id, BiFunction<Long, ActorRef<Reply>, C> request, Duration wait) {
    return ask(id, request, wait, null, null);
  }

  /**
   * As {@link #ask(long, BiFunction, Duration)}, for a request that waits at the state: when the
   * wait is interrupted, see {@link #await(long, CompletableFuture, Duration, BiFunction,
   * Consumer)}.
   */
  @SuppressWarnings("unchecked")
  public Reply ask(long id, BiFunction<Long, ActorRef<Reply>, C> request, Duration wait,
      BiFunction<Long, ActorRef<Reply>, C> cancel, Consumer<Reply> raced) {
    CompletableFuture<Reply> answer = expect(id);
    if (owner.isHere()) { // a method call: the inbox hands the answer to this thread's future,
      // as it would from a lane or over Artery; also a lock's pushes to its lease (they carry
      // the lease's id) and an answer with another id (a condition's wake-up for its ticket)
      state().receive(request.apply(id, null), a -> SyncInbox.deliver((Reply) a),
          SyncState.LOCAL);
    } else {
      try { // a lane hands the answer to this thread; over Artery it comes to the inbox
        return route().ask(id, (replyTo, jvm) -> (Wire) request.apply(id,
            (ActorRef<Reply>) replyTo), INBOX, wait);
      } catch (ProcessError e) {
        if (cancel != null && e.getCause() instanceof InterruptedException) {
          takeBack(answer, cancel, raced); // an answer that raced the interrupt lands in answer
          Thread.currentThread().interrupt();
        }
        throw e;
      } finally {
        SyncInbox.forget(id);
      }
    }
    return await(id, answer, wait, cancel, raced);
  }

  /** The future of the answer with {@code id}; call before sending what it answers. */
  public static CompletableFuture<Reply> expect(long id) {
    return SyncInbox.expect(id);
  }

  /**
   * Waits for {@code answer} to the request {@code id}; {@code wait} is how long the state itself
   * may keep it waiting (null: for ever).
   *
   * @throws OwnerGoneError when the state's JVM is gone, or ends before it answers
   * @throws ProcessError when no answer comes within {@code wait} and a margin, or the wait is
   *     interrupted
   */
  public Reply await(long id, CompletableFuture<Reply> answer, Duration wait) {
    return await(id, answer, wait, null, null);
  }

  /**
   * As {@link #await(long, CompletableFuture, Duration)}; when the wait is interrupted, the
   * request is first taken back at the state, so nothing is left registered there: the request
   * {@code cancel} makes (from a fresh id) is sent and answered with the interrupt flag cleared,
   * and an answer to {@code id} that came before it (the state answers in order: a grant that
   * raced the cancel) goes to {@code raced}, which gives it back. Then the interrupt raises as
   * ever, with the flag set. A null {@code cancel}: nothing is taken back.
   */
  public Reply await(long id, CompletableFuture<Reply> answer, Duration wait,
      BiFunction<Long, ActorRef<Reply>, C> cancel, Consumer<Reply> raced) {
    try {
      return route().await(id, answer, INBOX, wait);
    } catch (ProcessError e) {
      if (cancel != null && e.getCause() instanceof InterruptedException) {
        takeBack(answer, cancel, raced); // the answer may still come until the state cancelled
        Thread.currentThread().interrupt();
      }
      SyncInbox.forget(id);
      throw e;
    }
  }

  private void takeBack(CompletableFuture<Reply> answer, BiFunction<Long, ActorRef<Reply>, C> cancel,
      Consumer<Reply> raced) {
    Thread.interrupted(); // the round trips below must not be cut short by the same interrupt
    try {
      ask(cancel, Duration.ZERO);
      Reply first = answer.getNow(null);
      if (first != null && raced != null) {
        raced.accept(first);
      }
    } catch (ProcessError e) {
      // the owner is gone (nothing is registered any more), or interrupted again: give up
    }
  }

  /** As {@link #ask}, raising {@link IllegalStateException} when the state refused. */
  public Reply call(BiFunction<Long, ActorRef<Reply>, C> request, Duration wait) {
    Reply r = ask(request, wait);
    if (r instanceof Reply.Failed f) {
      throw new IllegalStateException(f.message());
    }
    return r;
  }

  /** The actor's address, as handles carry it. */
  public String path() {
    return path;
  }

  /**
   * Milliseconds a state may keep a request waiting: 0 without {@code block}, -1 for ever (null
   * timeout), else the timeout.
   */
  public static long millis(boolean block, Duration timeout) {
    if (!block) {
      return 0;
    }
    return timeout == null ? -1 : Math.max(0, timeout.toMillis());
  }

  /** Who the calling thread is, for a state's log: "Process-1 (pid 1234)". */
  public static String caller() {
    return ProcessRuntime.currentName() + " (pid "
        + ProcessHandle.current().pid() + ")";
  }
}
