package io.multiproc.remote;

import io.multiproc.Lock;
import io.multiproc.Multiprocessing;
import io.multiproc.Process;
import io.multiproc.Queue;
import io.multiproc.internal.ProcessRuntime;
import io.multiproc.internal.sync.SharedRef;
import io.multiproc.internal.transport.Receivers;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorIdentity;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.Identify;
import org.apache.pekko.pattern.Patterns;

/**
 * A multiproc main JVM for {@link StrangerIT} to attack: it makes a Queue and a Lock, says on
 * standard output where they and its Artery are, and then answers commands read on standard input,
 * one a line: {@code roundtrip} (a spawned child acquires the Lock and puts on the Queue, this JVM
 * gets it), {@code alive} (whether the Queue and the Lock are still there, each with the gateway
 * that Artery reaches it through: the actor a stranger would have to stop), {@code planted}
 * (whether a {@link Planted} actor was ever constructed here), {@code cpu} (this JVM's CPU time so
 * far, in nanoseconds). It ends when its standard input does.
 */
public final class ArteryVictim {
  private ArteryVictim() {}

  /** An actor class of the victim's classpath that a stranger tries to deploy into it. */
  public static final class Planted extends AbstractActor {
    static final AtomicBoolean CONSTRUCTED = new AtomicBoolean();

    public Planted() {
      CONSTRUCTED.set(true);
    }

    @Override
    public Receive createReceive() {
      return receiveBuilder().build();
    }
  }

  /** The child of a round trip. */
  static void child(Queue<Object> queue, Lock lock) {
    lock.acquire();
    lock.release();
    queue.put("from the child");
  }

  public static void main(String[] args) throws Exception {
    Queue<Object> queue = new Queue<>();
    Lock lock = new Lock();
    ExtendedActorSystem system = ProcessRuntime.startedSystem();
    String queuePath = path(queue);
    String lockPath = path(lock);
    say("port " + system.provider().getDefaultAddress().port().get());
    say("registry " + ProcessRuntime.registryPath());
    say("queue " + queuePath);
    say("lock " + lockPath);
    String gateway = system.provider().getDefaultAddress() + "/system/multiproc-gateway";
    say("gateway " + gateway);
    say("ready");
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
    for (String line; (line = in.readLine()) != null; ) {
      switch (line) {
        case "roundtrip" -> {
          Process p = Multiprocessing.getContext("spawn").process(ArteryVictim::child, queue, lock);
          p.start();
          Object got = queue.get(true, Duration.ofSeconds(120));
          p.join(Duration.ofSeconds(60));
          say("roundtrip " + got.equals("from the child") + " " + p.exitcode());
        }
        case "alive" -> say("alive " + (alive(system, gateway) && Receivers.here(queuePath) != null)
            + " " + (alive(system, gateway) && Receivers.here(lockPath) != null));
        case "planted" -> say("planted " + Planted.CONSTRUCTED.get());
        case "cpu" -> say("cpu " + ((com.sun.management.OperatingSystemMXBean)
            ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime());
        default -> say("unknown " + line);
      }
    }
  }

  /** Whether the actor at {@code path} answers an Identify from this JVM's own system. */
  private static boolean alive(ExtendedActorSystem system, String path) throws Exception {
    Object answer = Patterns.ask(system.actorSelection(path), new Identify(path),
        Duration.ofSeconds(10)).toCompletableFuture().get();
    return ((ActorIdentity) answer).getActorRef().isPresent();
  }

  /**
   * The address of a shared object, read for the attack from the handle's private field
   * {@code path}: the handle's own (a Queue) or that of the {@code SharedRef} it holds (a Lock).
   */
  private static String path(Object handle) throws ReflectiveOperationException {
    Class<?> type = handle.getClass();
    for (java.lang.reflect.Field f : type.getDeclaredFields()) {
      if (f.getName().equals("path") || f.getType() == SharedRef.class) {
        f.setAccessible(true);
        Object value = f.get(handle);
        return value instanceof String s ? s : path(value);
      }
    }
    throw new NoSuchFieldException("no path in " + type.getName());
  }

  private static void say(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
