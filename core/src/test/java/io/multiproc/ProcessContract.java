package io.multiproc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every start method owes a user, after CPython's per-method test suite. Children
 * report through files (this suite must not depend on Queue or Pipe), and a child that must stay
 * alive waits for a file the test creates, so no sleep stands in for a synchronisation.
 */
public abstract class ProcessContract extends StartMethodContract {
  @TempDir
  protected Path dir;

  // ------------------------------------------------------------------ targets (run in children)

  static void write(String file, String text) throws IOException {
    Path tmp = Path.of(file + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, Path.of(file), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  static void describeSelf(String file) throws IOException {
    Process me = Multiprocessing.currentProcess();
    Process parent = Multiprocessing.parentProcess();
    write(file, me.name() + "|" + ProcessHandle.current().pid() + "|"
        + (parent == null ? "none" : parent.pid() + "|" + parent.name()));
  }

  static void waitFor(String file) throws Exception {
    Path go = Path.of(file);
    while (!Files.exists(go)) {
      Thread.sleep(10); // polls a condition; the test decides when it holds
    }
  }

  /** Starts a non-daemon thread that finishes its work only once the test says go. */
  static void leaveThreadRunning(String dir) throws IOException {
    Thread worker = new Thread(() -> {
      try {
        waitFor(dir + "/go");
        write(dir + "/done", "done");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    worker.setDaemon(false);
    worker.start();
    write(dir + "/returned", "run() returned");
  }

  static void fail(String message) {
    throw new IllegalStateException(message);
  }

  static void startGrandchild(String method, String file) throws Exception {
    Process g = Multiprocessing.getContext(method).process(ProcessContract::describeSelf, file);
    g.start();
    g.join();
  }

  // ------------------------------------------------------------------------------------ tests

  @Test
  void start_runsTargetInChild_exitcodeZero() throws Exception {
    Path out = dir.resolve("self");
    Process p = ctx().process(ProcessContract::describeSelf, out.toString());
    assertNull(p.pid(), "no pid before start");
    assertNull(p.exitcode());
    p.start();
    assertNotNull(p.pid());
    p.join();
    assertEquals(0, p.exitcode());
    assertFalse(p.isAlive());
    String[] seen = Files.readString(out).split("\\|");
    assertEquals(p.name(), seen[0]);
    assertEquals(p.pid(), Long.parseLong(seen[1]), "pid() is the child's real pid");
    assertEquals(ProcessHandle.current().pid(), Long.parseLong(seen[2]), "parent pid seen by child");
    assertEquals("MainProcess", seen[3]);
    if (!threads()) {
      assertNotEquals(ProcessHandle.current().pid(), p.pid(), "a separate OS process");
    }
  }

  @Test
  void run_throws_exitcodeOne_stackTraceOnStderr() {
    java.io.PrintStream err = System.err;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
    Process p = ctx().process(ProcessContract::fail, "expected failure in a contract test");
    try {
      p.start();
      p.join();
    } finally {
      System.setErr(err);
    }
    assertEquals(1, p.exitcode());
    String trace = captured.toString(StandardCharsets.UTF_8);
    assertTrue(trace.contains("Process " + p.name() + ":"), trace);
    assertTrue(trace.contains("IllegalStateException: expected failure in a contract test"), trace);
    assertTrue(trace.contains("at io.multiproc.ProcessContract.fail"), trace);
  }

  @Test
  void subclass_runOverride_fieldsTravel() throws Exception {
    Path out = dir.resolve("sub");
    Process p = ctx().bind(new Writer(out.toString(), "payload-42"));
    p.start();
    p.join();
    assertEquals(0, p.exitcode());
    assertEquals("payload-42", Files.readString(out));
  }

  /** A Process subclass with fields, as CPython's {@code class Foo(Process)}. */
  static final class Writer extends Process {
    private final String file;
    private final String text;

    Writer(String file, String text) {
      super("writer");
      this.file = file;
      this.text = text;
    }

    @Override
    public void run() throws Exception {
      write(file, text);
    }
  }

  @Test
  void running_exitcodeNull_aliveTrue_joinTimeoutReturns() throws Exception {
    Path go = dir.resolve("go");
    Process p = ctx().process(ProcessContract::waitFor, go.toString());
    p.start();
    p.join(Duration.ofMillis(50));
    assertTrue(p.isAlive());
    assertNull(p.exitcode());
    assertTrue(Multiprocessing.activeChildren().contains(p));
    assertThrows(IllegalStateException.class, p::close, "close refuses while running");
    Files.writeString(go, "go");
    p.join();
    assertEquals(0, p.exitcode());
    assertFalse(Multiprocessing.activeChildren().contains(p));
    assertNotNull(p.pid(), "pid readable after join");
    p.close();
    assertThrows(IllegalStateException.class, p::isAlive, "closed objects refuse use");
  }

  @Test
  void terminate_exitcodeMinus15() {
    Process p = ctx().process(ProcessContract::waitFor, dir.resolve("never").toString());
    p.start();
    p.terminate();
    p.join();
    assertEquals(-15, p.exitcode());
  }

  @Test
  void kill_exitcodeMinus9() {
    Process p = ctx().process(ProcessContract::waitFor, dir.resolve("never").toString());
    p.start();
    p.kill();
    p.join();
    assertEquals(-9, p.exitcode());
  }

  @Test
  void start_twice_refused() {
    Process p = ctx().process(() -> { });
    p.start();
    IllegalStateException e = assertThrows(IllegalStateException.class, p::start);
    assertTrue(e.getMessage().contains("twice"), e.getMessage());
    p.join();
  }

  @Test
  void join_beforeStart_refused() {
    Process p = ctx().process(() -> { });
    assertThrows(IllegalStateException.class, p::join);
  }

  @Test
  void names_countUp_andGrandchildIsNamedProcessNColonM() throws Exception {
    Process a = ctx().process(() -> { });
    Process b = ctx().process(() -> { });
    int na = Integer.parseInt(a.name().substring("Process-".length()));
    assertEquals("Process-" + (na + 1), b.name());
    Path out = dir.resolve("grandchild");
    Process parent = ctx().process(ProcessContract::startGrandchild, startMethod(), out.toString());
    parent.start();
    parent.join();
    assertEquals(0, parent.exitcode());
    String[] seen = Files.readString(out).split("\\|");
    assertEquals(parent.name() + ":1", seen[0]);
    assertEquals(parent.name(), seen[3], "the grandchild's parent is the child");
    if (!threads()) {
      assertEquals(parent.pid(), Long.parseLong(seen[2]));
    }
  }

  @Test
  void unsendableArgument_failsInStart_namingTypeAndPlace() {
    Process p = ctx().process(q -> { }, new LinkedBlockingQueue<String>());
    PicklingError e = assertThrows(PicklingError.class, p::start);
    assertTrue(e.getMessage().contains("args[0]"), e.getMessage());
    assertTrue(e.getMessage().contains("java.util.concurrent.LinkedBlockingQueue"), e.getMessage());
    assertNull(p.pid(), "nothing was started");
    Process ok = ctx().process(() -> { });
    ok.start();
    ok.join();
    assertEquals(0, ok.exitcode(), "the parent stays usable");
  }

  @Test
  void unsendableSubclassField_namesTheField() {
    Process p = ctx().bind(new HoldsThread());
    PicklingError e = assertThrows(PicklingError.class, p::start);
    assertTrue(e.getMessage().contains(".worker"), e.getMessage());
    assertTrue(e.getMessage().contains("java.lang.Thread"), e.getMessage());
  }

  /** A subclass whose field cannot travel. */
  static final class HoldsThread extends Process {
    @SuppressWarnings("unused")
    private final Thread worker = new Thread(() -> { });

    @Override
    public void run() {}
  }

  @Test
  void daemonChild_cannotStartChildren() throws Exception {
    Path out = dir.resolve("never-written");
    Process p = ctx().process(ProcessContract::startGrandchild, startMethod(), out.toString());
    p.setDaemon(true);
    p.start();
    p.join();
    assertEquals(1, p.exitcode(), "the daemon's start() threw");
    assertFalse(Files.exists(out));
  }

  @Test
  void appendOnlyLog_childrenRunConcurrently() throws Exception {
    // every child appends "start", waits until all have started, then appends "end":
    // it can only finish if the children really are alive at the same time
    Path log = dir.resolve("log");
    Files.writeString(log, "");
    List<Process> ps = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ps.add(ctx().process(ProcessContract::rendezvous, log.toString(), 3));
    }
    ps.forEach(Process::start);
    for (Process p : ps) {
      p.join(Duration.ofSeconds(120));
    }
    for (Process p : ps) {
      assertEquals(0, p.exitcode(), "all three met");
    }
  }

  static void rendezvous(String log, Integer parties) throws Exception {
    Path path = Path.of(log);
    Files.writeString(path, "start\n", StandardOpenOption.APPEND);
    while (Files.readAllLines(path).stream().filter("start"::equals).count() < parties) {
      Thread.sleep(10); // polls a condition the other children make true
    }
  }

  @Test
  void nonDaemonThread_outlivesRun_finishesBeforeTheProcessEnds() throws Exception {
    // a process of the thread method is a thread, as in multiprocessing.dummy: the threads it
    // starts live on in the JVM, not in the process
    org.junit.jupiter.api.Assumptions.assumeFalse("thread".equals(startMethod()));
    Process p = ctx().process(ProcessContract::leaveThreadRunning, dir.toString());
    p.start();
    waitFor(dir + "/returned");
    Files.writeString(dir.resolve("go"), "go"); // only now may the thread finish
    p.join();
    assertEquals(0, p.exitcode());
    assertTrue(Files.exists(dir.resolve("done")),
        "the process waited for its non-daemon thread, as CPython's does");
  }

  // ------------------------------------------- how a child JVM ends (JVM start methods only)

  static void exitWith(Integer status) {
    System.exit(status);
  }

  @Test
  void systemExit143_isExitcode143_notASignal() {
    org.junit.jupiter.api.Assumptions.assumeFalse(threads(), "System.exit would end this JVM");
    Process p = ctx().process(ProcessContract::exitWith, 143);
    p.start();
    p.join();
    assertEquals(143, p.exitcode(), "only a real signal gives -N");
  }

  static void registerHooks(String dir) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        write(dir + "/hook-ran", "ran");
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        waitFor(dir + "/never"); // a hook that hangs: the bound ends the JVM all the same
      } catch (Exception e) {
        // ends with the JVM
      }
    }));
  }

  @Test
  void normalExit_runsShutdownHooks_aHangingHookDoesNotKeepTheJvm() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeFalse(threads(), "hooks belong to a JVM");
    Process p = ctx().process(ProcessContract::registerHooks, dir.toString());
    p.start();
    p.join();
    assertEquals(0, p.exitcode());
    // join() returns at the exit report; the hooks run after it, until the JVM is gone
    ProcessHandle.of(p.pid()).ifPresent(h -> h.onExit().join());
    assertTrue(Files.exists(dir.resolve("hook-ran")), "the user's shutdown hook ran");
  }

  /** A grandchild that reports, once its parent's JVM is gone, whether it sees it alive. */
  static void outliveParent(String dir) throws Exception {
    Process parent = Multiprocessing.parentProcess();
    Long ppid = parent.pid();
    while (ProcessHandle.of(ppid).map(ProcessHandle::isAlive).orElse(false)) {
      Thread.sleep(10); // polls a condition: the parent's end, which the test brings about
    }
    write(dir + "/orphan", ProcessHandle.current().pid() + "|" + parent.isAlive());
  }

  static void startGrandchildAndWait(String method, String dir) throws Exception {
    Process g = Multiprocessing.getContext(method).process(ProcessContract::outliveParent, dir);
    g.start();
    write(dir + "/ready", "ready");
    waitFor(dir + "/never");
  }

  @Test
  void terminate_endsChildWithRunningNonDaemonGrandchild_orphanSeesParentGone() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeFalse(threads(), "a thread cannot be signalled");
    Process p = ctx().process(ProcessContract::startGrandchildAndWait, startMethod(),
        dir.toString());
    p.start();
    waitFor(dir + "/ready");
    p.terminate();
    p.join(Duration.ofSeconds(60)); // a guard against a hang, not a measure
    assertEquals(-15, p.exitcode(), "SIGTERM ends the child at once");
    waitFor(dir + "/orphan");
    String[] seen = Files.readString(dir.resolve("orphan")).split("\\|");
    ProcessHandle.of(Long.parseLong(seen[0])).ifPresent(h -> h.onExit().join());
    assertEquals("false", seen[1], "the orphan sees its parent gone");
  }
}
