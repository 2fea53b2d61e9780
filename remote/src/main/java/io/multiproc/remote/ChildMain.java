package io.multiproc.remote;

import io.multiproc.AuthenticationError;
import io.multiproc.Process;
import io.multiproc.internal.Authkey;
import io.multiproc.internal.ProcessRuntime;
import io.multiproc.internal.process.ProcessAccess;
import io.multiproc.internal.process.Processes;
import io.multiproc.internal.wire.Reducer;
import java.util.concurrent.CompletionException;

/**
 * INTERNAL API. The main class of every child JVM. It reads its bootstrap header from standard
 * input; a forkserver spare then starts its ActorSystem and proves the authkey by registering
 * with its parent. It waits for the process to run (at once under spawn; when a start() picks it,
 * for a spare), runs it on this main thread, reports the exit code after its last output, lets its
 * messages leave, and exits with that code (its user's shutdown hooks run, bounded in time).
 *
 * <p>Exit statuses of its own: 2 when the parent refused the registration, 3 when the bootstrap
 * could not be read. When standard input ends (the parent died), a daemon process ends at once.
 */
public final class ChildMain {
  static final int EXIT_AUTH = 2;
  static final int EXIT_BOOTSTRAP = 3;
  private static final int WARM_UP_ROUNDS = 400;

  private ChildMain() {}

  /** Entry point; takes no arguments: everything comes over standard input. */
  public static void main(String[] args) {
    ChildExit.onSigterm(); // first: a SIGTERM from now on ends this JVM at once
    ParentLink parent = new ParentLink();
    Bootstrap boot;
    try {
      boot = parent.header().join();
    } catch (CompletionException e) {
      System.err.println("multiproc child: " + e.getCause().getMessage());
      halt(EXIT_BOOTSTRAP);
      return;
    }
    Authkey.install(boot.authkey());
    if (boot.eager()) {
      warmUp(); // before it registers: a spare counts as ready once warm, not while warming up
      register(boot);
    }
    Process process;
    try {
      byte[] payload = parent.frame().join();
      if (payload == null) {
        halt(0); // a spare whose parent ended before it was needed
      }
      process = (Process) Reducer.get().loads(payload);
    } catch (RuntimeException e) {
      System.err.println("multiproc child: cannot read the process to run: " + e);
      halt(EXIT_BOOTSTRAP);
      return;
    }
    Processes.setJvmProcess(process, new Processes.ParentInfo(
        boot.parentPid(), boot.parentName(), boot.registryPath()));
    parent.running(process.daemon());
    ChildExit.watchSystemExit(ProcessRuntime.settings().pumpOutput(),
        ProcessRuntime.settings().shutdownHooksTimeout());
    int code = ProcessAccess.get().bootstrap(process);
    ProcessRuntime.awaitProgramThreadsEnded(); // the non-daemon threads its process started
    // the same teardown as the shutdown hook's: pipe ends closed, primitives left, puts handled
    io.multiproc.internal.Finalizers.runAll();
    // the exit report follows the process's last output on both streams, so the parent's join
    // returns as soon as it is printed, while this JVM lets its messages leave and halts
    ChildExit.report(code);
    parent.close();
    ClassDataSharing.dumpIfTrainee();
    ProcessRuntime.stopSystem(ProcessRuntime.settings().exitFlushTimeout());
    ChildExit.exit(code); // the user's shutdown hooks run, bounded
  }

  /**
   * Starts the ActorSystem and proves the authkey to the parent, which welcomes only a child whose
   * Hello carried the right signature. A spare does this ahead of its process, so that the
   * process finds everything warm; a spawned child skips it and starts its ActorSystem when its
   * process first uses a shared object (a no-op process never pays for one, as under CPython).
   */
  private static void register(Bootstrap boot) {
    try {
      Processes.registerWithParent(boot.registryPath(), boot.token());
    } catch (AuthenticationError e) {
      System.err.println("multiproc child " + ProcessHandle.current().pid() + ": " + e.getMessage());
      halt(EXIT_AUTH);
    } catch (RuntimeException | Error e) {
      System.err.println("multiproc child " + ProcessHandle.current().pid()
          + ": could not start its ActorSystem or reach its parent: " + e);
      halt(EXIT_BOOTSTRAP);
    }
  }

  /**
   * A spare JVM waits for its process with its decoding path cold; running a process object
   * through the codec once, before the real one arrives, moves that cost out of start().
   */
  private static void warmUp() {
    try {
      // one probe per target shape, so that the proxy class of each exists before it is needed
      Process[] probes = {new Process(ChildMain::idle0), new Process(ChildMain::idle1, "a"),
          new Process(ChildMain::idle2, "a", "b"), new Process(ChildMain::idle3, "a", "b", "c"),
          new Process(ChildMain::idle4, "a", "b", "c", "d")};
      for (Process probe : probes) {
        if (!(Reducer.get().loads(Reducer.get().dumps(probe)) instanceof Process)) {
          throw new IllegalStateException("the codec did not return a process");
        }
      }
      byte[] bytes = Reducer.get().dumps(probes[1]);
      for (int i = 0; i < WARM_UP_ROUNDS; i++) { // enough rounds for the JIT to compile the path
        if (!(Reducer.get().loads(bytes) instanceof Process)) {
          throw new IllegalStateException("the codec did not return a process");
        }
      }
      io.multiproc.internal.lane.Lane.warmUp(); // its first queue or pipe operation, too
    } catch (RuntimeException e) {
      System.err.println("multiproc child: the codec fails in this JVM: " + e);
      halt(EXIT_BOOTSTRAP);
    }
  }

  // the targets of the warm-up probes; never run
  private static void idle0() {}

  private static void idle1(Object a) {}

  private static void idle2(Object a, Object b) {}

  private static void idle3(Object a, Object b, Object c) {}

  private static void idle4(Object a, Object b, Object c, Object d) {}

  static void halt(int code) {
    System.out.flush();
    System.err.flush();
    Runtime.getRuntime().halt(code);
  }
}
