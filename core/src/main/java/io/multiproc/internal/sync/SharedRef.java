package io.multiproc.internal.sync;

import io.multiproc.OwnerGoneError;
import io.multiproc.ProcessError;
import io.multiproc.internal.ProcessRuntime;
import io.multiproc.internal.lane.Lane;
import io.multiproc.internal.lane.LaneServer;
import io.multiproc.internal.queue.QueueClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * INTERNAL API. The way to a synchronisation primitive's actor from whichever JVM this object
 * reached (it travels inside the primitive's handle): the actor's address, resolved on first use,
 * the JVM that owns it, and the blocking round trip ("send request {@code id}, wait for the answer
 * with that id in {@link SyncInbox}") that every Python-shaped method makes.
 *
 * <p>A request to an actor whose JVM is gone fails with {@link OwnerGoneError}: at once when its
 * end is known, else as soon as it is (its lane ends; its pid is gone, which {@link Owner} learns
 * within a quarter of a second), never after the request's timeout and a margin, which is kept
 * only for an owner this JVM cannot watch (on another machine).
 *
 * @param <C> the actor's protocol
 */
public final class SharedRef<C> implements java.io.Serializable {
  private static final long serialVersionUID = 2L;
  /**
   * Margin on top of a blocking call's own timeout before an actor whose JVM cannot be watched
   * here counts as unreachable: the actor's own timer answers a live caller on time, and a late
   * answer must not be missed (a grant nobody waits for would keep a lock locked).
   */
  private static final Duration MARGIN = Duration.ofSeconds(30);
  /** "For ever", within what a future's timed get takes. */
  private static final Duration FOREVER = Duration.ofDays(200);

  private final String path;
  private final String what;
  /** Where the actor's JVM accepts lanes; null: other JVMs reach the actor over Artery. */
  private final String laneAddress;
  /** The actor pushes messages nobody asked for: reached over a lane of its own, always read. */
  private final boolean pushes;
  private final Owner owner;
  private transient volatile ActorRef<C> ref;
  private transient volatile Lane lane;
  private transient volatile boolean laneLookedUp;

  /**
   * The actor at {@code path} (made by {@link ProcessRuntime#spawnShared}) in this JVM, reached
   * from other JVMs of this program over a lane to this JVM where there is one, else over Artery.
   * Its answers only answer requests.
   */
  public static <C> SharedRef<C> overLanes(String path, String what) {
    return new SharedRef<>(path, what, LaneServer.address(), false);
  }

  /**
   * As {@link #overLanes}, for an actor that pushes messages nobody asked for (a lock's recalls):
   * other JVMs reach it over a lane of their own to this JVM that a thread reads all the time
   * ({@link PushLanes}), else over Artery.
   */
  public static <C> SharedRef<C> withPushes(String path, String what) {
    return new SharedRef<>(path, what, LaneServer.address(), true);
  }

  private SharedRef(String path, String what, String laneAddress, boolean pushes) {
    this.path = path;
    this.what = what;
    this.laneAddress = laneAddress;
    this.pushes = pushes;
    this.owner = Owner.here();
  }

  /** The JVM the actor lives in. */
  public Owner owner() {
    return owner;
  }

  /**
   * The lane to the actor's JVM, opened on first use; null when the actor is in this JVM or is
   * reached over Artery.
   *
   * @throws OwnerGoneError when the actor's JVM is known to be gone
   */
  private Lane lane() {
    if (!laneLookedUp) {
      String here = LaneServer.startedAddress();
      if (laneAddress == null || laneAddress.equals(here)) {
        lane = null;
      } else {
        if (owner.gone()) { // not worth a connection, nor a warning that there is none
          throw owner.error(what, null);
        }
        Lane opened = pushes ? PushLanes.to(laneAddress) : Lane.to(laneAddress);
        if (opened == null && owner.goneNow()) { // it could not be reached: it ended just now
          throw owner.error(what, null);
        }
        lane = opened;
      }
      laneLookedUp = true;
    }
    return lane;
  }

  /**
   * This JVM for a message's {@code jvm} (whom the actor watches for this JVM's death): its
   * registry, or null when this JVM's ActorSystem is not running. A message sent then goes over a
   * lane, where the receiving JVM watches the lane instead, so a JVM that uses primitives only
   * over lanes never starts its ActorSystem. (Over Artery, {@link #ask} starts it first.)
   */
  public static ActorRef<?> jvm() {
    return ProcessRuntime.startedSystem() == null ? null : ProcessRuntime.registry();
  }

  /** A request id no other request of the program uses. */
  public static long nextId() {
    return QueueClient.nextId();
  }

  /** The actor, resolved (and this JVM's ActorSystem started) on first use. */
  public ActorRef<C> ref() {
    ActorRef<C> r = ref;
    if (r == null) {
      r = ProcessRuntime.resolve(path);
      ref = r;
    }
    return r;
  }

  /**
   * Sends {@code message} without waiting for anything; to an actor whose JVM is gone, it is
   * dropped (nothing waits for it there).
   */
  public void tell(C message) {
    try {
      Lane l = lane();
      if (l != null) {
        l.tellActor(path, message);
      } else {
        ref().tell(message);
      }
    } catch (ProcessError e) {
      if (owner.isHere()) {
        throw e;
      }
    }
  }

  /**
   * Sends the request made by {@code request} from a fresh id and this JVM's inbox, and waits for
   * its answer; {@code wait} is how long the actor itself may keep it waiting (null: for ever).
   *
   * @throws OwnerGoneError when the actor's JVM is gone, or ends before it answers
   * @throws ProcessError when the actor does not answer within {@code wait} and a margin, or the
   *     wait is interrupted
   */
  public Reply ask(BiFunction<Long, ActorRef<Reply>, C> request, Duration wait) {
    return ask(nextId(), request, wait);
  }

  /** As {@link #ask(BiFunction, Duration)} with a request id the caller drew already. */
  public Reply ask(long id, BiFunction<Long, ActorRef<Reply>, C> request, Duration wait) {
    return ask(id, request, wait, null, null);
  }

  /**
   * As {@link #ask(long, BiFunction, Duration)}, for a request that waits at the actor: when the
   * wait is interrupted, see {@link #await(long, CompletableFuture, Duration, BiFunction,
   * Consumer)}.
   */
  public Reply ask(long id, BiFunction<Long, ActorRef<Reply>, C> request, Duration wait,
      BiFunction<Long, ActorRef<Reply>, C> cancel, Consumer<Reply> raced) {
    Lane l = lane();
    CompletableFuture<Reply> answer = expect(id);
    if (l != null) {
      try {
        l.sendActor(path, request.apply(id, null));
      } catch (ProcessError e) {
        SyncInbox.forget(id);
        throw owner.error(what, e); // the lane ended with the actor's JVM
      }
      return await(id, answer, wait, cancel, raced);
    }
    ref().tell(request.apply(id, SyncInbox.ref()));
    return await(id, answer, wait, cancel, raced);
  }

  /** The future of the answer with {@code id}; call before sending what it answers. */
  public static CompletableFuture<Reply> expect(long id) {
    return SyncInbox.expect(id);
  }

  /**
   * Waits for {@code answer} to the request {@code id}; {@code wait} is how long the actor itself
   * may keep it waiting (null: for ever).
   *
   * @throws OwnerGoneError when the actor's JVM is gone, or ends before it answers
   * @throws ProcessError when no answer comes within {@code wait} and a margin, or the wait is
   *     interrupted
   */
  public Reply await(long id, CompletableFuture<Reply> answer, Duration wait) {
    return await(id, answer, wait, null, null);
  }

  /**
   * As {@link #await(long, CompletableFuture, Duration)}; when the wait is interrupted, the
   * request is first taken back at the actor, so nothing is left registered there: the request
   * {@code cancel} makes (from a fresh id) is sent and answered with the interrupt flag cleared,
   * and an answer to {@code id} that came before it (the actor answers in order: a grant that
   * raced the cancel) goes to {@code raced}, which gives it back. Then the interrupt raises as
   * ever, with the flag set. A null {@code cancel}: nothing is taken back.
   */
  public Reply await(long id, CompletableFuture<Reply> answer, Duration wait,
      BiFunction<Long, ActorRef<Reply>, C> cancel, Consumer<Reply> raced) {
    Lane l = lane();
    Duration timeout = wait == null ? FOREVER : wait.plus(MARGIN);
    try {
      if (l != null) { // a thread waiting for an answer reads the lane
        try {
          return l.awaitAnswer(id, answer, wait == null ? null : timeout);
        } catch (ProcessError e) {
          throw owner.error(what, e); // the lane ended with the actor's JVM
        }
      }
      owner.track(answer, what); // the owner's end fails the answer, at once when known
      try {
        return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } finally {
        owner.untrack(answer);
      }
    } catch (TimeoutException e) {
      SyncInbox.forget(id);
      throw unanswered(timeout);
    } catch (ExecutionException e) {
      SyncInbox.forget(id);
      if (e.getCause() instanceof OwnerGoneError) {
        throw owner.error(what, null);
      }
      throw new ProcessError("the " + what + " at " + path + " failed: " + e.getCause(),
          e.getCause());
    } catch (InterruptedException e) {
      if (cancel != null) {
        takeBack(answer, cancel, raced);
      }
      SyncInbox.forget(id);
      Thread.currentThread().interrupt();
      throw new ProcessError("interrupted while waiting on the " + what + " at " + path, e);
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

  private ProcessError unanswered(Duration timeout) {
    return new ProcessError("the " + what + " at " + path + " did not answer within " + timeout
        + ": the process that created it may have ended");
  }

  /** As {@link #ask}, raising {@link IllegalStateException} when the actor refused. */
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
   * Milliseconds an actor may keep a request waiting: 0 without {@code block}, -1 for ever (null
   * timeout), else the timeout.
   */
  public static long millis(boolean block, Duration timeout) {
    if (!block) {
      return 0;
    }
    return timeout == null ? -1 : Math.max(0, timeout.toMillis());
  }

  /** Who the calling thread is, for an actor's log: "Process-1 (pid 1234)". */
  public static String caller() {
    return io.multiproc.Multiprocessing.currentProcess().name() + " (pid "
        + ProcessHandle.current().pid() + ")";
  }
}
