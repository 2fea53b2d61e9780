package io.multiproc.internal.sync;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ManualTime;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import io.multiproc.internal.transport.Peer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One actor test kit on manual time for a test class of the sync actors (registered with
 * {@code @RegisterExtension static final ManualKit KIT}), shut down after its last test: an actor's
 * timers fire only when a test moves the clock, so deadlines are tested without waiting.
 */
final class ManualKit implements AfterAllCallback {
  /** How long a test waits to see that no answer comes. */
  static final Duration QUIET = Duration.ofMillis(100);
  private static final AtomicLong IDS = new AtomicLong();

  private final ActorTestKit kit = ActorTestKit.create(ManualTime.config());
  private final ManualTime time = ManualTime.get(kit.system());

  /** A request id no other request of these tests uses. */
  static long nextId() {
    return IDS.incrementAndGet();
  }

  <T> ActorRef<T> spawn(Behavior<T> behavior) {
    return kit.spawn(behavior);
  }

  <T> TestProbe<T> createTestProbe() {
    return kit.createTestProbe();
  }

  <T> void stop(ActorRef<T> actor) {
    kit.stop(actor);
  }

  /** Moves the clock on by {@code d}: the timers due by then fire. */
  void timePasses(Duration d) {
    time.timePasses(d);
  }

  /** A stand-in for a JVM that holds or waits: stopping it is that JVM's death to the watch. */
  ActorRef<Object> jvm() {
    return kit.spawn(Behaviors.ignore());
  }

  /** The kit's ActorSystem, whose scheduler runs on manual time. */
  ActorSystem<Void> system() {
    return kit.system();
  }

  /** A stand-in for the peer a state's request comes from: a lane, the gateway's JVM. */
  Peer peer() {
    return new Peer() {
      @Override
      public boolean readFor(java.util.concurrent.CompletableFuture<?> reply) {
        return false;
      }
    };
  }

  @Override
  public void afterAll(ExtensionContext context) {
    kit.shutdownTestKit();
  }
}
