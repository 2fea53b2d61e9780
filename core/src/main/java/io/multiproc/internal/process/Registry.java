package io.multiproc.internal.process;

import io.multiproc.internal.wire.Wire;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * INTERNAL API. The process registry of one JVM: the child JVMs it launched say {@link Hello} here
 * once their ActorSystem is up. A Hello reaches this actor only if it was signed with the authkey
 * (the wire refuses it otherwise), so a registered child is a proven one.
 */
public final class Registry {
  /** The registry's protocol. */
  public sealed interface Command extends Wire permits Hello {}

  /** A child announces itself: the token it was launched with, its pid and its address. */
  public record Hello(long token, long pid, ActorRef<Welcome> replyTo) implements Command {}

  /** The registry accepted the child; it may now run its process. */
  public record Welcome(long token) implements Wire {}

  private static final Map<Long, CompletableFuture<Hello>> EXPECTED = new ConcurrentHashMap<>();
  private static final AtomicLong TOKENS = new AtomicLong(System.nanoTime() & 0xffff_ffffL);

  private Registry() {}

  /** A fresh token, and the future the child's Hello completes. */
  public static long expect(CompletableFuture<Hello> hello) {
    long token = TOKENS.incrementAndGet();
    EXPECTED.put(token, hello);
    return token;
  }

  /** Stops waiting for the child launched with {@code token} (it ended, or was given up). */
  public static void forget(long token) {
    EXPECTED.remove(token);
  }

  static Behavior<Command> create() {
    return Behaviors.receive(Command.class)
        .onMessage(Hello.class, hello -> {
          CompletableFuture<Hello> waiting = EXPECTED.get(hello.token());
          if (waiting != null) {
            // a child repeats its Hello until a Welcome arrives (one may be lost while a starved
            // machine boots many JVMs at once), so a repeated Hello gets a repeated Welcome
            hello.replyTo().tell(new Welcome(hello.token()));
            waiting.complete(hello);
          }
          // an unknown token is a child this JVM no longer waits for (it ended, or was given up):
          // no Welcome, so that child times out and exits instead of running unwatched
          return Behaviors.same();
        })
        .build();
  }
}
