package io.multiproc.internal.sync;

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
import org.apache.pekko.actor.typed.ActorRef;

/**
 * INTERNAL API. The way to a synchronisation primitive's actor from whichever JVM this object
 * reached (it travels inside the primitive's handle): the actor's address, resolved on first use, and the blocking round trip ("send request {@code id}, wait for the
 * answer with that id in {@link SyncInbox}") that every Python-shaped method makes.
 *
 * @param <C> the actor's protocol
 */
public final class SharedRef<C> implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  /** Margin on top of a blocking call's own timeout before the actor counts as unreachable. */
  private static final Duration MARGIN = Duration.ofSeconds(30);
  /** "For ever", within what a future's timed get takes. */
  private static final Duration FOREVER = Duration.ofDays(200);

  private final String path;
  private final String what;
  /** Where the actor's JVM accepts lanes; null: other JVMs reach the actor over Artery. */
  private final String laneAddress;
  private transient volatile ActorRef<C> ref;
  private transient volatile Lane lane;
  private transient volatile boolean laneLookedUp;

  /**
   * The actor at {@code path} (made by {@link ProcessRuntime#spawnShared}), reached from other JVMs
   * over Artery: for an actor that pushes messages nobody asked for (a lock's recalls), which a
   * lane, read only by threads waiting for answers, would leave unread.
   */
  public SharedRef(String path, String what) {
    this(path, what, null);
  }

  /**
   * The actor at {@code path} in this JVM, reached from other JVMs of this program over a lane to
   * this JVM where there is one, else over Artery. Its answers only answer requests.
   */
  public static <C> SharedRef<C> overLanes(String path, String what) {
    return new SharedRef<>(path, what, LaneServer.address());
  }

  private SharedRef(String path, String what, String laneAddress) {
    this.path = path;
    this.what = what;
    this.laneAddress = laneAddress;
  }

  /**
   * The lane to the actor's JVM, opened on first use; null when the actor is in this JVM or is
   * reached over Artery.
   */
  private Lane lane() {
    if (!laneLookedUp) {
      String here = LaneServer.startedAddress();
      lane = laneAddress == null || laneAddress.equals(here) ? null : Lane.to(laneAddress);
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

  /** Sends {@code message} without waiting for anything. */
  public void tell(C message) {
    Lane l = lane();
    if (l != null) {
      l.tellActor(path, message);
    } else {
      ref().tell(message);
    }
  }

  /**
   * Sends the request made by {@code request} from a fresh id and this JVM's inbox, and waits for
   * its answer; {@code wait} is how long the actor itself may keep it waiting (null: for ever).
   *
   * @throws ProcessError when the actor does not answer within {@code wait} and a margin (the
   *     process that created the primitive ended), or the wait is interrupted
   */
  public Reply ask(BiFunction<Long, ActorRef<Reply>, C> request, Duration wait) {
    return ask(nextId(), request, wait);
  }

  /** As {@link #ask(BiFunction, Duration)} with a request id the caller drew already. */
  public Reply ask(long id, BiFunction<Long, ActorRef<Reply>, C> request, Duration wait) {
    Lane l = lane();
    if (l != null) {
      CompletableFuture<Reply> answer = expect(id);
      l.sendActor(path, request.apply(id, null));
      return await(id, answer, wait);
    }
    CompletableFuture<Reply> answer = expect(id);
    ref().tell(request.apply(id, SyncInbox.ref()));
    return await(id, answer, wait);
  }

  /** The future of the answer with {@code id}; call before sending what it answers. */
  public static CompletableFuture<Reply> expect(long id) {
    return SyncInbox.expect(id);
  }

  /**
   * Waits for {@code answer} to the request {@code id}; {@code wait} is how long the actor itself
   * may keep it waiting (null: for ever).
   *
   * @throws ProcessError when no answer comes within {@code wait} and a margin (the process that
   *     created the primitive ended), or the wait is interrupted
   */
  public Reply await(long id, CompletableFuture<Reply> answer, Duration wait) {
    Lane l = lane();
    Duration timeout = wait == null ? FOREVER : wait.plus(MARGIN);
    try {
      if (l != null) { // a thread waiting for an answer reads the lane
        return l.awaitAnswer(id, answer, wait == null ? null : timeout);
      }
      return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      SyncInbox.forget(id);
      throw unanswered(timeout);
    } catch (ExecutionException e) {
      throw new ProcessError("the " + what + " at " + path + " failed: " + e.getCause(),
          e.getCause());
    } catch (InterruptedException e) {
      SyncInbox.forget(id);
      Thread.currentThread().interrupt();
      throw new ProcessError("interrupted while waiting on the " + what + " at " + path, e);
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
