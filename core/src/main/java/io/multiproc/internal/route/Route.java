package io.multiproc.internal.route;

import io.multiproc.OwnerGoneError;
import io.multiproc.ProcessError;
import io.multiproc.internal.ProcessRuntime;
import io.multiproc.internal.lane.Lane;
import io.multiproc.internal.lane.LaneServer;
import io.multiproc.internal.transport.Gateway;
import io.multiproc.internal.wire.Answer;
import io.multiproc.internal.wire.Wire;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * INTERNAL API. The way from this JVM to one shared object, chosen once per handle: the object's
 * own JVM (its caller then calls the state itself), a lane to that JVM where
 * it has one and lanes are on, else Artery through that JVM's {@link Gateway}. It owns what every
 * protocol's request needs whatever carries it: program-unique request ids, where the answer
 * comes back (a lane is read by the waiting thread itself; over Artery the protocol's {@link
 * Inbox}), the timeout with its margin, and one error for an owner that is gone.
 *
 * <p>What one JVM sends to the objects of another arrives in the order it was sent on every
 * route: a lane is one connection per pair of JVMs; over Artery every message goes to the one
 * gateway of the owner's JVM.
 */
public final class Route {
  /**
   * Margin on top of a blocking call's own timeout before an object whose JVM cannot be watched
   * here counts as unreachable: the object's own timer answers a live caller on time, and a late
   * answer must not be missed (a grant nobody waits for would keep a lock locked).
   */
  private static final Duration MARGIN = Duration.ofSeconds(30);
  /** "For ever", within what a future's timed get takes. */
  private static final Duration FOREVER = Duration.ofDays(200);
  private static final AtomicLong COUNTER = new AtomicLong();
  private static final long PREFIX = ProcessHandle.current().pid() << 40;

  /** What a lane to the object's JVM is for. */
  public enum Target {
    /** A state registered as a receiver (a queue, a pipe end, a primitive): the shared lane. */
    RECEIVER,
    /**
     * A receiver that pushes messages nobody asked for (a lock's recalls): a lane of its own,
     * read all the time.
     */
    PUSHING_RECEIVER
  }

  /**
   * Where a protocol's answers come in over Artery: the actor they are sent to, and the future
   * of each request's answer, by id.
   *
   * @param <R> the protocol's answer type
   */
  public interface Inbox<R> {
    ActorRef<R> ref();

    CompletableFuture<R> expect(long id);

    void forget(long id);

    /** The inbox of a protocol whose answers go to {@code ref}, expected and forgotten by id. */
    static <R> Inbox<R> of(java.util.function.Supplier<ActorRef<R>> ref,
        java.util.function.LongFunction<CompletableFuture<R>> expect,
        java.util.function.LongConsumer forget) {
      return new Inbox<>() {
        @Override
        public ActorRef<R> ref() {
          return ref.get();
        }

        @Override
        public CompletableFuture<R> expect(long id) {
          return expect.apply(id);
        }

        @Override
        public void forget(long id) {
          forget.accept(id);
        }
      };
    }
  }

  /** Makes the message of one request, given where its answer goes and who asks (null: a lane). */
  @FunctionalInterface
  public interface Request {
    Wire make(ActorRef<?> replyTo, ActorRef<?> jvm);
  }

  private final String path;
  private final String what;
  private final String laneAddress;
  private final Target target;
  private final Owner owner; // null: not known (the object's owner is not watched)
  private volatile boolean chosen;
  private volatile Lane lane;

  /**
   * The route to the object at {@code path} (made by {@link
   * io.multiproc.internal.transport.Receivers#publish}), whose JVM accepts lanes at {@code
   * laneAddress} (null: it does not) and is {@code owner} (null: unknown); {@code what} names the
   * object in errors.
   */
  public Route(String path, String what, String laneAddress, Target target, Owner owner) {
    this.path = path;
    this.what = what;
    this.laneAddress = laneAddress;
    this.target = target;
    this.owner = owner;
  }

  /** A request id no other request of the program uses (positive: lanes use negative ones). */
  public static long nextId() {
    return PREFIX | (COUNTER.incrementAndGet() & 0xff_ffff_ffffL);
  }

  /** The object's address. */
  public String path() {
    return path;
  }

  /** The lane this route takes, chosen on first use; null: the object's JVM, or Artery. */
  public Lane lane() {
    if (!chosen) {
      synchronized (this) {
        if (!chosen) {
          lane = choose();
          chosen = true;
        }
      }
    }
    return lane;
  }

  private Lane choose() {
    if (laneAddress == null || laneAddress.equals(LaneServer.startedAddress())) {
      return null; // the object's own JVM, or one that takes no lanes
    }
    if (owner != null && owner.gone()) { // not worth a connection, nor a warning there is none
      throw owner.error(what, null);
    }
    Lane opened = target == Target.PUSHING_RECEIVER ? PushLanes.to(laneAddress)
        : Lane.to(laneAddress);
    if (opened == null && owner != null && owner.goneNow()) { // it ended just now
      throw owner.error(what, null);
    }
    return opened;
  }

  /**
   * Sends {@code request}, which wants no answer, after everything this JVM sent to the object's
   * JVM before it; {@code now}: it leaves this JVM before this returns.
   */
  public void tell(Request request, Inbox<?> inbox, boolean now) {
    Lane l = lane();
    try {
      if (l == null) {
        Gateway.send(path, request.make(inbox.ref(), ProcessRuntime.registry()));
      } else if (now) {
        l.tellNow(path, request.make(null, null));
      } else {
        l.tell(path, request.make(null, null));
      }
    } catch (ProcessError e) {
      throw gone(e);
    }
  }

  /**
   * As {@link #tell}, for one of a stream of small writes that may wait a moment (a value's
   * writes under its lease): on a lane it leaves within tens of microseconds, many to a system
   * call; over Artery, which batches by itself, as {@link #tell}.
   */
  public void tellLazily(Request request, Inbox<?> inbox) {
    Lane l = lane();
    if (l == null) {
      tell(request, inbox, false);
      return;
    }
    try {
      l.tellLazily(path, request.make(null, null));
    } catch (ProcessError e) {
      throw gone(e);
    }
  }

  /**
   * Sends request {@code id} and waits for its answer; {@code wait} is how long the object itself
   * may keep the request waiting (null: for ever), on top of which a margin is allowed.
   *
   * @throws OwnerGoneError when the object's JVM is gone, or ends before it answers
   * @throws ProcessError when no answer comes in time, or the wait is interrupted (the interrupt
   *     flag stays set)
   */
  public <R extends Answer> R ask(long id, Request request, Inbox<R> inbox, Duration wait) {
    Lane l = lane();
    if (l != null) {
      Duration timeout = wait == null ? null : wait.plus(MARGIN);
      try { // the lane hands the answer to this thread, whichever thread reads it
        return l.ask(path, id, request.make(null, null), new CompletableFuture<R>(), timeout);
      } catch (ProcessError e) {
        throw gone(e);
      } catch (TimeoutException e) {
        throw unanswered(timeout);
      } catch (InterruptedException e) {
        throw interrupted(e);
      }
    }
    CompletableFuture<R> answer = inbox.expect(id); // before it is sent: nothing comes unseen
    try {
      Gateway.send(path, request.make(inbox.ref(), ProcessRuntime.registry()));
    } catch (RuntimeException e) {
      inbox.forget(id);
      throw e instanceof ProcessError p ? gone(p) : e;
    }
    // interrupted, id stays expected: a caller taking the request back sees an answer that raced
    return await(id, answer, inbox, wait);
  }

  /**
   * Waits for {@code answer} to request {@code id}, whose future came from {@code inbox} before
   * the request left; {@code wait} is how long the object may keep the request waiting (null:
   * for ever), on top of which a margin is allowed.
   *
   * @throws OwnerGoneError when the object's JVM is gone, or ends before it answers
   * @throws ProcessError when no answer comes in time, or the wait is interrupted (the interrupt
   *     flag stays set, and {@code id} stays expected in {@code inbox}: a caller that takes the
   *     request back at the object sees an answer that raced it, then forgets {@code id})
   */
  public <R> R await(long id, CompletableFuture<R> answer, Inbox<R> inbox, Duration wait) {
    Lane l = lane();
    Duration timeout = wait == null ? FOREVER : wait.plus(MARGIN);
    boolean interruptedAt = false;
    if (owner != null && l == null) {
      owner.track(answer, what); // the owner's end fails the answer, at once when known
    }
    try {
      if (l != null) { // a thread waiting for an answer reads the lane
        return l.awaitAnswer(id, answer, wait == null ? null : timeout);
      }
      return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ProcessError e) {
      throw gone(e); // the lane ended with the object's JVM
    } catch (TimeoutException e) {
      throw unanswered(timeout);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof OwnerGoneError) {
        throw owner != null ? owner.error(what, null) : (OwnerGoneError) e.getCause();
      }
      if (e.getCause() instanceof ProcessError p) {
        throw p;
      }
      throw new ProcessError("the " + what + " at " + path + " failed: " + e.getCause(),
          e.getCause());
    } catch (InterruptedException e) {
      interruptedAt = true;
      throw interrupted(e);
    } finally {
      if (!interruptedAt) {
        inbox.forget(id);
      }
      if (owner != null && l == null) {
        owner.untrack(answer);
      }
    }
  }

  private ProcessError gone(ProcessError e) {
    return owner != null && !(e instanceof OwnerGoneError) ? owner.error(what, e) : e;
  }

  private ProcessError interrupted(InterruptedException e) {
    Thread.currentThread().interrupt();
    return new ProcessError("interrupted while waiting on the " + what + " at " + path, e);
  }

  private ProcessError unanswered(Duration timeout) {
    return new ProcessError("the " + what + " at " + path + " did not answer within " + timeout
        + ": the process that created it may have ended");
  }
}
