package io.multiproc.internal.transport;

import io.multiproc.internal.PidWatch;
import io.multiproc.internal.ProcessRuntime;
import io.multiproc.internal.wire.Envelope;
import io.multiproc.internal.wire.Wire;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * INTERNAL API. The one actor of a JVM that receives, over Artery, every message other JVMs send
 * to its shared objects, as an {@link Envelope}: it hands each to the {@link Receiver} registered
 * for its path, in the order it came. One recipient per JVM is what keeps
 * that order: Artery keeps the order of one sender's messages to one recipient only, so a put on
 * one queue and a task_done on another, sent in that order, are handled in that order.
 *
 * <p>It is also where the other JVMs' deaths are known: each sender is a {@link Peer}, watched by
 * Artery's death watch and, on this machine, by its process ({@link PidWatch}, a fraction of a
 * second, where Artery's failure detector takes seconds); whichever comes first tells every
 * receiver that peer used, once.
 */
public final class Gateway extends AbstractBehavior<Object> {
  private static final String NAME = "multiproc-gateway";
  private static final Map<String, ActorRef<Object>> REMOTE = new ConcurrentHashMap<>();
  private static final List<Runnable> BEFORE_SEND = new CopyOnWriteArrayList<>();
  private static volatile boolean started;

  /** A JVM that sent something here, as the receivers see it. */
  private static final class ArteryPeer implements Peer {
    final ActorRef<?> jvm;
    final Set<Receiver> used = new HashSet<>();

    ArteryPeer(ActorRef<?> jvm) {
      this.jvm = jvm;
    }

    @Override
    public boolean readFor(java.util.concurrent.CompletableFuture<?> reply) {
      return false; // Artery is read by its own threads
    }

    @Override
    public String toString() {
      return "JVM " + jvm.path().address();
    }
  }

  private record PeerDown(ActorRef<?> jvm) {}

  private final Map<ActorRef<?>, ArteryPeer> peers = new HashMap<>();

  private Gateway(ActorContext<Object> ctx) {
    super(ctx);
  }

  /** Starts this JVM's gateway, once; called before any handle of an object here can travel. */
  public static void ensureStarted() {
    if (started) {
      return;
    }
    synchronized (Gateway.class) {
      if (!started) {
        ProcessRuntime.system().systemActorOf(Behaviors.setup(Gateway::new), NAME,
            Props.empty());
        started = true;
      }
    }
  }

  /**
   * Runs {@code hook} before every message this JVM sends through a gateway: what a protocol
   * holds back to send in batches goes first, so nothing sent later overtakes it.
   */
  public static void beforeSend(Runnable hook) {
    BEFORE_SEND.add(hook);
  }

  /**
   * Sends {@code message} for the object at {@code path} (an address made by {@link
   * Receivers#publish}) to the gateway of the JVM that owns it.
   */
  public static void send(String path, Wire message) {
    for (Runnable hook : BEFORE_SEND) {
      hook.run();
    }
    sendNow(path, message);
  }

  /** As {@link #send}, without running the hooks (for what a hook itself sends). */
  public static void sendNow(String path, Wire message) {
    gatewayOf(path).tell(new Envelope(path, message, ProcessRuntime.registry()));
  }

  private static ActorRef<Object> gatewayOf(String path) {
    int at = path.indexOf('/', path.indexOf("//") + 2); // the end of "pekko://system@host:port"
    String address = at < 0 ? path : path.substring(0, at);
    ActorRef<Object> g = REMOTE.get(address);
    if (g == null) {
      ActorSystem<Void> s = ProcessRuntime.system();
      g = REMOTE.computeIfAbsent(address, a -> org.apache.pekko.actor.typed.ActorRefResolver
          .get(s).resolveActorRef(a + "/system/" + NAME));
    }
    return g;
  }

  @Override
  public Receive<Object> createReceive() {
    return newReceiveBuilder()
        .onMessage(Envelope.class, this::onEnvelope)
        .onMessage(PeerDown.class, this::onPeerDown)
        .build();
  }

  private Behavior<Object> onEnvelope(Envelope e) {
    Receiver receiver = Receivers.here(e.path());
    if (receiver == null) {
      getContext().getLog().warn("a message for {}, which is not in this JVM, was dropped",
          e.path());
      return this;
    }
    ArteryPeer peer = peer(e.from());
    if (peer != null) {
      peer.used.add(receiver);
    }
    receiver.receive(e.message(), Receiver.Replier.NONE, peer);
    return this;
  }

  private ArteryPeer peer(ActorRef<?> jvm) {
    if (jvm == null) {
      return null;
    }
    ArteryPeer p = peers.get(jvm);
    if (p == null) {
      p = new ArteryPeer(jvm);
      peers.put(jvm, p);
      PeerDown down = new PeerDown(jvm);
      getContext().watchWith(jvm, down);
      ActorRef<Object> self = getContext().getSelf();
      PidWatch.onExit(jvm, () -> self.tell(down));
    }
    return p;
  }

  private Behavior<Object> onPeerDown(PeerDown down) {
    ArteryPeer p = peers.remove(down.jvm()); // the second notice of the same death finds none
    if (p != null) {
      for (Receiver r : p.used) {
        r.peerGone(p);
      }
    }
    return this;
  }
}
