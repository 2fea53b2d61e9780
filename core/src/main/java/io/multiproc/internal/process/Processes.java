package io.multiproc.internal.process;

import io.multiproc.AuthenticationError;
import io.multiproc.Process;
import io.multiproc.internal.ProcessRuntime;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

/**
 * INTERNAL API. Which process each thread of this JVM runs in: the JVM's own (the main process,
 * or a child's process object), or a "thread" start method's process for the threads it started;
 * and what a child knows of its parent.
 */
public final class Processes {
  /** What a child knows of the process that started it. */
  public record ParentInfo(long pid, String name, String registryPath) {}

  private static volatile Process jvmProcess;
  private static volatile ParentInfo parent;
  private static final InheritableThreadLocal<Process> THREAD_PROCESS = new InheritableThreadLocal<>();
  private static final InheritableThreadLocal<Process> THREAD_PARENT = new InheritableThreadLocal<>();

  private Processes() {}

  /** The process the calling thread runs in: a thread-method process, this child's, or the main. */
  public static Process current() {
    Process p = THREAD_PROCESS.get();
    return p != null ? p : jvmProcess;
  }

  /** Installs the main process object of a main JVM; the first caller wins. */
  public static synchronized Process installMain(Supplier<Process> main) {
    if (jvmProcess == null) {
      jvmProcess = main.get();
    }
    return jvmProcess;
  }

  /** Makes {@code p} the process of this whole JVM (a child JVM, before it runs p). */
  public static void setJvmProcess(Process p, ParentInfo parentInfo) {
    jvmProcess = p;
    parent = parentInfo;
  }

  /**
   * Makes {@code p}, started by {@code parent}, the current process of this thread and of the
   * threads it starts (the "thread" start method).
   */
  public static void setThreadProcess(Process p, Process parent) {
    THREAD_PROCESS.set(p);
    THREAD_PARENT.set(parent);
  }

  /** The process that started the calling thread's process under the "thread" method, or null. */
  public static Process threadParent() {
    return THREAD_PROCESS.get() == null ? null : THREAD_PARENT.get();
  }

  /** The parent of this JVM's process, or null in the main JVM. */
  public static ParentInfo parent() {
    return parent;
  }

  /**
   * Says Hello to the parent's registry and waits for its Welcome.
   *
   * @throws AuthenticationError when no Welcome comes within the register timeout: the parent did
   *     not accept this JVM's signature, or is gone
   */
  public static void registerWithParent(String registryPath, long token) {
    ActorSystem<Void> s = ProcessRuntime.system();
    ActorRef<Registry.Command> parentRegistry =
        ActorRefResolver.get(s).resolveActorRef(registryPath);
    Duration timeout = ProcessRuntime.settings().registerTimeout();
    long pid = ProcessHandle.current().pid();
    long deadline = System.nanoTime() + timeout.toNanos();
    Duration attempt = Duration.ofSeconds(2);
    while (true) {
      try {
        AskPattern.<Registry.Command, Registry.Welcome>ask(parentRegistry,
                replyTo -> new Registry.Hello(token, pid, replyTo), attempt, s.scheduler())
            .toCompletableFuture().join();
        return;
      } catch (CompletionException e) {
        if (System.nanoTime() - deadline > 0) {
          throw new AuthenticationError("the parent at " + registryPath + " did not accept this"
              + " process within " + timeout.toSeconds() + " s: it refused its authkey, or it is"
              + " gone (raise multiproc.child.register-timeout on a very busy machine)");
        }
        attempt = attempt.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0
            ? Duration.ofSeconds(10) : attempt.multipliedBy(2);
      }
    }
  }
}
