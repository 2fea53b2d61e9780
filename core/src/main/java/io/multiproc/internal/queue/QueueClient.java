package io.multiproc.internal.queue;

import io.multiproc.ProcessError;
import io.multiproc.internal.ProcessRuntime;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

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

  private final String path;
  private volatile ActorRef<QueueActor.Command> ref;

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
   * Sends the request made by {@code request} and waits for the reply; {@code wait} is how long
   * the queue itself may keep the request waiting (null: for ever).
   */
  public QueueActor.Reply ask(Function<ActorRef<QueueActor.Reply>, QueueActor.Command> request,
      Duration wait) {
    ActorSystem<Void> system = ProcessRuntime.system();
    Duration timeout = wait == null ? FOREVER : wait.plus(MARGIN);
    try {
      return AskPattern.ask(ref(), request::apply, timeout, system.scheduler())
          .toCompletableFuture().get();
    } catch (ExecutionException e) {
      throw new ProcessError("the queue at " + path + " did not answer within " + timeout
          + ": the process that created it may have ended", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProcessError("interrupted while waiting on the queue at " + path, e);
    }
  }

  /** Tells the queue, without waiting, that the item of get {@code id} arrived. */
  public void taken(long id) {
    ref().tell(new QueueActor.Taken(id));
  }
}
