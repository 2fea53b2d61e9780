package io.multiproc.internal.sync;

import io.multiproc.internal.ProcessRuntime;
import io.multiproc.internal.transport.Strays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * INTERNAL API. The one actor of a JVM that receives what the synchronisation primitives' actors
 * send to its threads: an answer completes the future of the request with its id; a push
 * ({@link Reply.Recall}, {@link Reply.Revoke}) goes to the handler registered for its lease.
 */
public final class SyncInbox {
  private static final Map<Long, CompletableFuture<Reply>> PENDING = new ConcurrentHashMap<>();
  private static final Map<Long, Consumer<Reply>> LEASES = new ConcurrentHashMap<>();
  private static volatile ActorRef<Reply> ref;

  static {
    Strays.handle(Reply.class, SyncInbox::deliver); // pushes, and answers a lane read for others
  }

  private SyncInbox() {}

  /** This JVM's inbox, started on first use. */
  public static ActorRef<Reply> ref() {
    ActorRef<Reply> r = ref;
    if (r == null) {
      synchronized (SyncInbox.class) {
        if (ref == null) {
          ref = ProcessRuntime.resolve(ProcessRuntime.spawnShared(behavior(), "sync-inbox"));
        }
        r = ref;
      }
    }
    return r;
  }

  /**
   * The future of the answer to request {@code id}; call before sending the request. Expected
   * again (by the route, after its caller), it is the same future.
   */
  static CompletableFuture<Reply> expect(long id) {
    // the same future to whoever expects it again: the route's Artery path and its caller
    return PENDING.computeIfAbsent(id, i -> new CompletableFuture<>());
  }

  /** Stops waiting for {@code id} (its caller gave up). */
  public static void forget(long id) {
    PENDING.remove(id);
  }

  /** Sends the pushes about lease {@code grant} to {@code handler}, until {@link #unlease}. */
  static void lease(long grant, Consumer<Reply> handler) {
    LEASES.put(grant, handler);
  }

  /** Stops routing pushes about lease {@code grant}: it went back to its lock. */
  static void unlease(long grant) {
    LEASES.remove(grant);
  }

  private static Behavior<Reply> behavior() {
    return Behaviors.receive(Reply.class)
        .onAnyMessage(r -> {
          deliver(r);
          return Behaviors.same();
        })
        .build();
  }

  /**
   * Hands {@code r} to the request waiting for it, or a push to its lease's handler; for what
   * came another way than to this actor (a lane).
   */
  public static void deliver(Reply r) {
    if (r instanceof Reply.Recall || r instanceof Reply.Revoke) {
      Consumer<Reply> handler = LEASES.get(r.id());
      if (handler != null) {
        handler.accept(r);
      }
      // no handler: the lease went back already, and the lock knows (the push crossed the return)
      return;
    }
    CompletableFuture<Reply> f = PENDING.remove(r.id());
    if (f != null) {
      f.complete(r);
    }
  }
}
