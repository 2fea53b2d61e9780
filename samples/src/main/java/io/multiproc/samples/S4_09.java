package io.multiproc.samples;

import io.multiproc.Process;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

/**
 * s4-09: a zombie (a child that ended while its parent sleeps) and an orphan (a child whose
 * parent exited first) (seed 004, line 353).
 */
public final class S4_09 {
  private S4_09() {}

  static void run() {
    System.out.println("子 " + ProcessHandle.current().pid());
  }

  /** The orphan's parent: starts a child, then exits at once without waiting (os._exit). */
  static void father(String report) {
    long pid = ProcessHandle.current().pid();
    System.out.println("im father pid " + pid + " ppid "
        + ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L));
    new Process(S4_09::orphan, report).start();
    System.out.println("father died..");
    System.out.flush();
    Runtime.getRuntime().halt(0); // sys.exit in a forked child; halt skips joining the child
  }

  /** The orphan: its output went through its dead father, so it reports in a file. */
  static void orphan(String report) throws Exception {
    Thread.sleep(1000);
    String line = "im child " + ProcessHandle.current().pid() + " "
        + ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
    Path tmp = Path.of(report + ".tmp");
    Files.writeString(tmp, line);
    Files.move(tmp, Path.of(report), StandardCopyOption.ATOMIC_MOVE);
  }

  public static void main(String[] args) throws Exception {
    // 1. zombie: the child ends while the parent sleeps
    Process p = new Process(S4_09::run);
    p.start();
    System.out.println("主 " + ProcessHandle.current().pid());
    Thread.sleep(1000); // the source sleeps 1000 s to show the <defunct> entry in ps
    long pid = p.pid();
    p.join();
    ProcessHandle.of(pid).ifPresent(h -> h.onExit().join());
    System.out.println("the ended child " + pid + " was reaped by the JVM as it ended (no"
        + " <defunct> entry): /proc/" + pid + " exists: " + Files.exists(Path.of("/proc/" + pid))
        + "; its exit code is kept: " + p.exitcode());

    // 2. orphan: the father exits first, the child goes on under a new parent
    Path report = Files.createTempFile("s4-09-orphan", ".txt");
    Files.delete(report);
    Process father = new Process(S4_09::father, report.toString());
    father.start();
    father.join();
    long fatherPid = father.pid();
    for (int i = 0; i < 600 && !Files.exists(report); i++) {
      Thread.sleep(50); // polls, for at most 30 s, for the report the orphan writes
    }
    String line = Files.readString(report);
    Files.delete(report);
    System.out.println(line);
    long orphanPid = Long.parseLong(line.split(" ")[2]);
    long newParent = Long.parseLong(line.split(" ")[3]);
    System.out.println("the orphan's parent " + fatherPid + " had died; it was adopted by "
        + newParent);
    ProcessHandle.of(orphanPid).ifPresent(h -> {
      try {
        h.onExit().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        h.destroyForcibly(); // an orphan is nobody's to join; do not leave it behind
      }
    });
  }
}
