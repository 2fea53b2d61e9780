package io.multiproc.internal;

import io.multiproc.ProcessError;
import io.multiproc.spi.StartMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.BootstrapSetup;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.setup.ActorSystemSetup;
import org.apache.pekko.actor.setup.Setup;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * INTERNAL API. What one JVM of a multiproc program holds: its settings, its ActorSystem (started on
 * first use), its process registry and its start methods. Which process each thread runs in is
 * the process package's ({@code io.multiproc.internal.process.Processes}); the parts of the boot
 * that belong to higher layers come through {@link RuntimeHooks}.
 */
public final class ProcessRuntime {
  private static volatile Settings settings;
  private static volatile ActorSystem<Void> system;
  private static volatile ActorRef<?> registry;
  private static volatile RuntimeHooks hooks;
  private static volatile Map<String, StartMethod> startMethods;
  private static volatile boolean exitHookInstalled;

  private ProcessRuntime() {}

  /** This JVM's validated settings. */
  public static Settings settings() {
    Settings s = settings;
    if (s == null) {
      synchronized (ProcessRuntime.class) {
        if (settings == null) {
          settings = Settings.load();
        }
        s = settings;
      }
    }
    return s;
  }

  /**
   * This JVM's ActorSystem, started (with remoting on 127.0.0.1, a free port, over TLS keyed by
   * the authkey) on first use.
   *
   * @throws ProcessError at once when it cannot start (a port in use, a bad setting): the cause
   *     is named, nothing of it is left running, and a later call tries again
   */
  public static ActorSystem<Void> system() {
    ActorSystem<Void> s = system;
    if (s == null) {
      synchronized (ProcessRuntime.class) {
        if (system == null) {
          system = start();
        }
        s = system;
      }
    }
    return s;
  }

  private static ActorSystem<Void> start() {
    Authkey.get(); // a main process draws its key before any message can be signed
    RuntimeHooks h = hooks();
    h.beforeBoot();
    // initialise logging before Pekko's threads race to do it (SLF4J warns about that race)
    org.slf4j.LoggerFactory.getILoggerFactory();
    ActorSystem<Void> created;
    try {
      List<Setup> setups = new ArrayList<>();
      setups.add(BootstrapSetup.create(settings().actorSystemConfig()));
      setups.addAll(h.setups());
      created = ActorSystem.create(Behaviors.empty(), "multiproc",
          ActorSystemSetup.create(setups.toArray(Setup[]::new)));
    } catch (RuntimeException | LinkageError | AssertionError e) {
      throw startFailed(e); // Pekko terminated what it had started
    }
    try {
      registry = created.systemActorOf(h.registry(),
          PidWatch.registryName(ProcessHandle.current().pid()), Props.empty());
    } catch (RuntimeException e) {
      created.terminate();
      throw startFailed(e);
    }
    return created;
  }

  private static RuntimeHooks hooks() {
    RuntimeHooks h = hooks;
    if (h == null) {
      // the class loader that loaded the runtime also holds its hooks (both are core's)
      h = ServiceLoader.load(RuntimeHooks.class, ProcessRuntime.class.getClassLoader())
          .findFirst().orElseThrow(() -> new IllegalStateException("multiproc-core's"
              + " META-INF/services/" + RuntimeHooks.class.getName() + " is missing (a fat jar"
              + " must merge service files)"));
      hooks = h;
    }
    return h;
  }

  private static ProcessError startFailed(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String because = root == e ? e.toString() : e + " (caused by " + root + ")";
    return new ProcessError("multiproc could not start this JVM's ActorSystem: " + because
        + "; its settings are under multiproc.actor-system (see reference.conf in multiproc-core)",
        e);
  }

  /** The ActorSystem if it has been started, else null; never starts it. */
  public static ExtendedActorSystem startedSystem() {
    ActorSystem<Void> s = system;
    return s == null ? null : (ExtendedActorSystem) Adapter.toClassic(s);
  }

  /** The host this JVM's Artery (and its lanes' TCP side) listens on; starts nothing. */
  public static String host() {
    return settings().root()
        .getString("multiproc.actor-system.pekko.remote.artery.canonical.hostname");
  }

  /** This JVM's registry actor: shared objects watch it to learn that this JVM died. */
  public static ActorRef<?> registry() {
    system();
    return registry;
  }

  /**
   * Starts an actor for a shared object in this JVM's ActorSystem and returns the address other
   * JVMs use to reach it.
   */
  public static <T> String spawnShared(org.apache.pekko.actor.typed.Behavior<T> behavior,
      String kind) {
    ActorSystem<Void> s = system();
    ActorRef<T> ref = s.systemActorOf(behavior,
        kind + "-" + java.util.UUID.randomUUID(), Props.empty());
    return ActorRefResolver.get(s).toSerializationFormat(ref);
  }

  /** Resolves an address made by {@link #spawnShared} in whichever JVM the handle reached. */
  public static <T> ActorRef<T> resolve(String path) {
    return ActorRefResolver.get(system()).resolveActorRef(path);
  }

  /** The path other JVMs use to reach this JVM's registry. */
  public static String registryPath() {
    system();
    return ActorRefResolver.get(system).toSerializationFormat(registry);
  }

  /** The name of the process the calling thread runs in, for a log: "Process-1", "MainProcess". */
  public static String currentName() {
    return hooks().currentName();
  }

  /** The start method called {@code name}. */
  public static StartMethod startMethod(String name) {
    StartMethod m = startMethods().get(name);
    if (m == null) {
      throw new IllegalArgumentException("unknown start method '" + name + "'; available: "
          + startMethods().keySet()
          + (name.equals("spawn") || name.equals("forkserver")
              ? " (add io.multiproc:multiproc-remote to the classpath for " + name + ")" : ""));
    }
    return m;
  }

  /** The names of the start methods on the classpath, the preferred first. */
  public static List<String> startMethodNames() {
    List<StartMethod> all = new ArrayList<>(startMethods().values());
    all.sort(Comparator.comparingInt(StartMethod::preference).reversed());
    return all.stream().map(StartMethod::name).toList();
  }

  /** The start method "auto" resolves to, or the configured one. */
  public static String defaultStartMethodName() {
    String configured = settings().startMethod();
    return configured.equals("auto") ? startMethodNames().get(0) : configured;
  }

  private static Map<String, StartMethod> startMethods() {
    Map<String, StartMethod> m = startMethods;
    if (m == null) {
      synchronized (ProcessRuntime.class) {
        if (startMethods == null) {
          Map<String, StartMethod> found = new TreeMap<>();
          for (StartMethod sm : ServiceLoader.load(StartMethod.class)) {
            found.putIfAbsent(sm.name(), sm);
          }
          startMethods = found;
        }
        m = startMethods;
      }
    }
    return m;
  }

  /** The thread that runs CPython's exit function once the program's threads have ended. */
  private static final String EXIT_WATCH = "multiproc-exit-watch";

  /**
   * Arranges, once, for CPython's exit function: when the program's own threads have all ended
   * (its main code is done), {@code finishChildren} runs (daemonic children are ended, the others
   * joined) on a non-daemon thread, which therefore keeps the JVM alive for non-daemon children.
   * The same runs from a shutdown hook when the JVM exits otherwise (System.exit, a signal), and
   * then the start methods end their spare JVMs.
   */
  public static void installExitHook(Runnable finishChildren) {
    if (exitHookInstalled) {
      return;
    }
    synchronized (ProcessRuntime.class) {
      if (exitHookInstalled) {
        return;
      }
      exitHookInstalled = true;
      Thread watcher = new Thread(() -> {
        awaitProgramThreadsEnded();
        finishChildren.run();
      }, EXIT_WATCH);
      watcher.setDaemon(false);
      watcher.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        Finalizers.runAll(); // what the layers registered, as a child's normal exit does
        finishChildren.run();
        Map<String, StartMethod> m = startMethods;
        if (m != null) {
          m.values().forEach(StartMethod::shutdown);
        }
      }, "multiproc-exit"));
    }
  }

  /**
   * Waits until no non-daemon thread is alive but the caller, the exit watch and the JVM's own:
   * the moment the JVM would exit, were it not for the caller. Java announces no such moment, so
   * it is polled. A child JVM calls this after its process's run(), as CPython's child joins the
   * non-daemon threads its process started (threading._shutdown) before it exits.
   */
  public static void awaitProgramThreadsEnded() {
    Thread me = Thread.currentThread();
    ThreadGroup root = me.getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    Thread[] threads = new Thread[64];
    while (true) {
      int n;
      while ((n = root.enumerate(threads, true)) == threads.length) {
        threads = new Thread[threads.length * 2]; // grown until every thread fits
      }
      boolean programRuns = false;
      for (int i = 0; i < n && !programRuns; i++) {
        Thread t = threads[i];
        programRuns = t != me && !t.isDaemon() && t.isAlive()
            && !t.getName().equals("DestroyJavaVM") && !t.getName().equals(EXIT_WATCH);
      }
      if (!programRuns) {
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /**
   * Ends this JVM's ActorSystem, giving outgoing messages up to {@code timeout} to leave.
   * Used by a child JVM right before it halts.
   */
  public static void stopSystem(Duration timeout) {
    ActorSystem<Void> s = system;
    if (s == null) {
      return;
    }
    s.terminate();
    try {
      s.getWhenTerminated().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      // the JVM halts right after; a slow flush must not keep a finished process alive
    }
  }

  /** Wraps a failure to launch into the error users see. */
  public static ProcessError launchFailed(String name, Exception cause) {
    return new ProcessError("could not start " + name + ": " + cause.getMessage(), cause);
  }
}
