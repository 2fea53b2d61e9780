package io.multiproc.internal.queue;

import io.multiproc.internal.ProcessRuntime;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * INTERNAL API. The one actor of a JVM that receives the queues' replies for all its threads,
 * each matched to its request by id. It reassembles an item that came in parts (Artery's frames
 * are small, an item may be 32 MiB or more), so a reply is one future whatever its size.
 */
public final class Inbox {
  private static final Map<Long, CompletableFuture<QueueProtocol.Reply>> PENDING =
      new ConcurrentHashMap<>();
  private static volatile ActorRef<QueueProtocol.Reply> ref;

  private Inbox() {}

  /** This JVM's inbox, started on first use. */
  public static ActorRef<QueueProtocol.Reply> ref() {
    ActorRef<QueueProtocol.Reply> r = ref;
    if (r == null) {
      synchronized (Inbox.class) {
        if (ref == null) {
          ref = ProcessRuntime.resolve(ProcessRuntime.spawnShared(behavior(), "inbox"));
        }
        r = ref;
      }
    }
    return r;
  }

  /**
   * The future of the reply to request {@code id}; call before sending the request. Expected
   * twice, the id has one future: a caller that expects it ahead of its route sees what the
   * route's own wait gave up on.
   */
  public static CompletableFuture<QueueProtocol.Reply> expect(long id) {
    return PENDING.computeIfAbsent(id, k -> new CompletableFuture<>());
  }

  /** Stops waiting for {@code id} (its caller gave up). */
  public static void forget(long id) {
    PENDING.remove(id);
  }

  private static Behavior<QueueProtocol.Reply> behavior() {
    Map<Long, ByteArrayOutputStream> parts = new java.util.HashMap<>();
    return Behaviors.receive(QueueProtocol.Reply.class)
        .onMessage(QueueProtocol.ItemPart.class, p -> {
          ByteArrayOutputStream buf = parts.computeIfAbsent(p.id(),
              k -> new ByteArrayOutputStream(p.total()));
          buf.write(p.bytes(), 0, p.bytes().length);
          if (buf.size() >= p.total()) {
            parts.remove(p.id());
            complete(new QueueProtocol.Item(p.id(), buf.toByteArray()));
          }
          return Behaviors.same();
        })
        .onAnyMessage(r -> {
          complete(r);
          return Behaviors.same();
        })
        .build();
  }

  /** Hands {@code r}, which came another way (a lane), to the request waiting for it. */
  public static void deliver(QueueProtocol.Reply r) {
    complete(r);
  }

  private static void complete(QueueProtocol.Reply r) {
    CompletableFuture<QueueProtocol.Reply> f = PENDING.remove(r.id());
    if (f != null) {
      f.complete(r);
    }
  }
}
