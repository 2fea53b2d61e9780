package io.multiproc.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * INTERNAL API. Learns within a fraction of a second that a JVM of this machine ended, from its
 * process, where Artery's failure detector takes {@code acceptable-heartbeat-pause} (10 s here,
 * so that JVMs starved by a machine booting many others are not taken for dead).
 *
 * <p>A JVM is named by its registry actor, whose name carries its pid ({@link #registryName}).
 * Only JVMs on the host this JVM's Artery listens on are watched by pid: a JVM of another machine
 * is left to Artery. A pid reused by a new process is told apart by its start time. Once a
 * watched process has ended, its actions run after {@link #GRACE_MS}, so that what the JVM sent
 * just before it ended is handled first.
 */
public final class PidWatch {
  /** How often the watched processes are looked at. */
  static final long PERIOD_MS = 50;
  /** How long after a process ended its actions run. */
  static final long GRACE_MS = 200;
  private static final String PREFIX = "registry-";
  private static final Map<Long, Watched> WATCHED = new ConcurrentHashMap<>();
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "multiproc-pid-watch");
        t.setDaemon(true);
        return t;
      });
  private static boolean polling; // guarded by WATCHED

  private PidWatch() {}

  /** The name of the registry actor of the JVM with {@code pid}. */
  static String registryName(long pid) {
    return PREFIX + pid;
  }

  /** A process and what to do once it ended. */
  private record Watched(ProcessHandle process, List<Runnable> actions) {}

  /**
   * Runs {@code action} once the JVM whose registry is {@code jvm} has ended, when that JVM is on
   * this machine; returns false (and does nothing) when it cannot be watched by pid.
   */
  public static boolean onExit(ActorRef<?> jvm, Runnable action) {
    if (jvm == null) {
      return false;
    }
    org.apache.pekko.actor.ActorPath path = jvm.path();
    Optional<String> host = path.address().getHost();
    String name = path.name();
    if (host.isEmpty() || !name.startsWith(PREFIX) || !host.get().equals(ProcessRuntime.host())) {
      return false; // this JVM's own registry (no host), or a JVM of another machine
    }
    long pid;
    try {
      pid = Long.parseLong(name.substring(PREFIX.length()));
    } catch (NumberFormatException e) {
      return false;
    }
    return onExit(pid, action);
  }

  /** Runs {@code action} once process {@code pid} (of this machine) has ended. */
  public static boolean onExit(long pid, Runnable action) {
    if (pid == ProcessHandle.current().pid()) {
      return false;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    if (process.isEmpty()) {
      TIMER.schedule(action, GRACE_MS, TimeUnit.MILLISECONDS); // ended already
      return true;
    }
    synchronized (WATCHED) {
      WATCHED.computeIfAbsent(pid, p -> new Watched(process.get(), new CopyOnWriteArrayList<>()))
          .actions().add(action);
      if (!polling) {
        polling = true;
        TIMER.schedule(PidWatch::poll, PERIOD_MS, TimeUnit.MILLISECONDS);
      }
    }
    return true;
  }

  private static void poll() {
    for (Map.Entry<Long, Watched> e : WATCHED.entrySet()) {
      if (!e.getValue().process().isAlive()) {
        synchronized (WATCHED) {
          WATCHED.remove(e.getKey());
        }
        for (Runnable action : e.getValue().actions()) {
          TIMER.schedule(() -> runQuietly(action), GRACE_MS, TimeUnit.MILLISECONDS);
        }
      }
    }
    synchronized (WATCHED) {
      polling = !WATCHED.isEmpty();
      if (polling) {
        TIMER.schedule(PidWatch::poll, PERIOD_MS, TimeUnit.MILLISECONDS);
      }
    }
  }

  private static void runQuietly(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(PidWatch.class).warn("an action on a JVM's end failed",
          e);
    }
  }
}
