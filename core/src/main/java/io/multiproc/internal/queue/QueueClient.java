package io.multiproc.internal.queue;

import io.multiproc.ProcessError;
import io.multiproc.internal.ProcessRuntime;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * INTERNAL API. One JVM's side of a queue actor: request ids unique across the program, and the
 * blocking round trips the Python-shaped methods make.
 */
public final class QueueClient {
  /** Margin on top of a blocking call's own timeout before the queue counts as unreachable. */
  private static final Duration MARGIN = Duration.ofSeconds(30);
  /** Pekko's ask needs a bound (its scheduler takes at most about 248 days); "for ever" is this. */
  private static final Duration FOREVER = Duration.ofDays(200);
  private static final AtomicLong COUNTER = new AtomicLong();
  private static final long PREFIX = ProcessHandle.current().pid() << 40;

  /** Puts to an unbounded queue sent and not yet stored, at most, per queue and JVM. */
  private static final int WINDOW = 4096;
  /** Clients with puts in flight, for the flush at the end of the process. */
  private static final java.util.Set<QueueClient> IN_FLIGHT =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final String path;
  private volatile ActorRef<QueueActor.Command> ref;
  private final java.util.concurrent.Semaphore window = new java.util.concurrent.Semaphore(WINDOW);

  public QueueClient(String path) {
    this.path = path;
  }

  /** A request id no other request of the program uses. */
  public static long nextId() {
    return PREFIX | (COUNTER.incrementAndGet() & 0xff_ffff_ffffL);
  }

  /** The queue actor, resolved (and this JVM's ActorSystem started) on first use. */
  public ActorRef<QueueActor.Command> ref() {
    ActorRef<QueueActor.Command> r = ref;
    if (r == null) {
      r = ProcessRuntime.resolve(path);
      ref = r;
    }
    return r;
  }

  public String path() {
    return path;
  }

  /**
   * Sends request {@code id}, made by {@code request} around this JVM's inbox, and waits for its
   * reply; {@code wait} is how long the queue itself may keep the request waiting (null: for ever).
   */
  public QueueActor.Reply ask(long id,
      Function<ActorRef<QueueActor.Reply>, QueueActor.Command> request, Duration wait) {
    ActorRef<QueueActor.Reply> inbox = Inbox.ref();
    CompletableFuture<QueueActor.Reply> reply = Inbox.expect(id);
    ref().tell(request.apply(inbox));
    Duration timeout = wait == null ? FOREVER : wait.plus(MARGIN);
    try {
      return reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      Inbox.forget(id);
      throw new ProcessError("the queue at " + path + " did not answer within " + timeout
          + ": the process that created it may have ended");
    } catch (ExecutionException e) {
      throw new ProcessError("the queue at " + path + " failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Inbox.forget(id);
      Thread.currentThread().interrupt();
      throw new ProcessError("interrupted while waiting on the queue at " + path, e);
    }
  }

  /**
   * Sends a put of {@code item}: a big item goes in parts, the last one in the {@link
   * QueueActor.Put} itself, which {@code lastPart} makes; Artery keeps them in order.
   */
  public QueueActor.Reply put(long id, byte[] item,
      java.util.function.BiFunction<byte[], ActorRef<QueueActor.Reply>, QueueActor.Command> lastPart,
      Duration wait) {
    byte[] tail = sendLeadingParts(id, item);
    return ask(id, inbox -> lastPart.apply(tail, inbox), wait);
  }

  /**
   * Sends a put to an unbounded queue without waiting for its acknowledgement: the queue stores
   * any item at once, so the acknowledgement only waits for the network, never for a consumer.
   * At most {@value #WINDOW} puts are in flight; {@link #flush()} waits for them all.
   */
  public void putPipelined(long id, byte[] item,
      java.util.function.BiFunction<byte[], ActorRef<QueueActor.Reply>, QueueActor.Command> lastPart) {
    try {
      window.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProcessError("interrupted while putting on the queue at " + path, e);
    }
    IN_FLIGHT.add(this);
    Inbox.expect(id).whenComplete((r, e) -> window.release());
    byte[] tail = sendLeadingParts(id, item);
    ref().tell(lastPart.apply(tail, Inbox.ref()));
  }

  /**
   * Sends all but the last part of a big item (Artery keeps them in order before the put that
   * carries the last) and returns that last part; a small item is its own last part.
   */
  private byte[] sendLeadingParts(long id, byte[] item) {
    int last = item.length <= QueueActor.PART ? 0
        : ((item.length - 1) / QueueActor.PART) * QueueActor.PART;
    for (int at = 0; at < last; at += QueueActor.PART) {
      ref().tell(new QueueActor.PutPart(id,
          java.util.Arrays.copyOfRange(item, at, at + QueueActor.PART), ProcessRuntime.registry()));
    }
    return last == 0 ? item : java.util.Arrays.copyOfRange(item, last, item.length);
  }

  /** Waits until every pipelined put of this JVM to this queue is stored. */
  public void flush() {
    if (window.availablePermits() == WINDOW) {
      return;
    }
    try {
      window.acquire(WINDOW);
      window.release(WINDOW);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProcessError("interrupted while flushing puts to the queue at " + path, e);
    }
  }

  /** Waits until every pipelined put of this JVM is stored; called as a process ends. */
  public static void flushAll() {
    for (QueueClient c : IN_FLIGHT) {
      c.flush();
      IN_FLIGHT.remove(c);
    }
  }

  /** Tells the queue, without waiting, that the item of get {@code id} arrived. */
  public void taken(long id) {
    ref().tell(new QueueActor.Taken(id));
  }
}
