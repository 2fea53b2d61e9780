package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.multiproc.Multiprocessing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a sample the way a user would and returns what it printed. {@link #inThisJvm} calls the
 * sample's main here (its children are real JVMs; their output is copied into this JVM's
 * System.out, which is captured); {@link #inOwnJvm} runs the sample's main class as a program of
 * its own, for samples whose point is what happens when the main JVM ends.
 */
final class SampleRun {
  /** What a run printed, and how it ended. */
  record Output(String stdout, String stderr, int exitCode, List<Long> childPids) {
    List<String> lines() {
      return stdout.lines().toList();
    }

    /** The index of the first line equal to {@code line}, failing when there is none. */
    int line(String line) {
      int i = lines().indexOf(line);
      if (i < 0) {
        throw new AssertionError("no line '" + line + "' in:\n" + stdout);
      }
      return i;
    }

    /** The index of the first line containing {@code part}, or -1. */
    int lineContaining(String part) {
      List<String> l = lines();
      for (int i = 0; i < l.size(); i++) {
        if (l.get(i).contains(part)) {
          return i;
        }
      }
      return -1;
    }

    /** Waits (at most 30 s) until every child the run started has ended, failing otherwise. */
    void assertChildrenEnded() {
      for (long pid : childPids) {
        ProcessHandle.of(pid).ifPresent(h -> {
          try {
            h.onExit().get(30, TimeUnit.SECONDS);
          } catch (Exception e) {
            h.destroyForcibly();
            throw new AssertionError("child " + pid + " outlived its sample", e);
          }
        });
      }
    }

    /** Every number captured by group 1 of {@code regex}, in order. */
    List<Long> numbers(String regex) {
      List<Long> out = new ArrayList<>();
      Matcher m = Pattern.compile(regex).matcher(stdout);
      while (m.find()) {
        out.add(Long.parseLong(m.group(1)));
      }
      return out;
    }
  }

  private SampleRun() {}

  /** Runs sample {@code id} in this JVM and checks it left no child running. */
  static synchronized Output inThisJvm(String id) {
    Catalog.Entry entry = Catalog.find(id).orElseThrow();
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(new Tee(out, outBytes), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new Tee(err, errBytes), true, StandardCharsets.UTF_8));
    boolean ok;
    try {
      ok = Main.run(entry);
    } finally {
      System.out.flush();
      System.err.flush();
      System.setOut(out);
      System.setErr(err);
    }
    assertTrue(Multiprocessing.activeChildren().isEmpty(),
        id + " left children running: " + Multiprocessing.activeChildren());
    String stderr = errBytes.toString(StandardCharsets.UTF_8);
    assertTrue(ok, id + " failed:\n" + stderr);
    return new Output(outBytes.toString(StandardCharsets.UTF_8), stderr, 0, List.of());
  }

  /** Runs the sample's main class in a JVM of its own and waits at most {@code timeout}. */
  static Output inOwnJvm(String id, Duration timeout) {
    String jar = System.getProperty("samples.jar", "target/multiproc-samples.jar");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    try {
      Path outFile = Files.createTempFile("sample-" + id, ".out");
      Path errFile = Files.createTempFile("sample-" + id, ".err");
      // the sample's own main, as a user runs a program: no runner ends its children for it
      String mainClass = Catalog.find(id).orElseThrow().className();
      java.lang.Process p = new ProcessBuilder(java.toString(), "-cp", jar, mainClass)
          .redirectOutput(outFile.toFile())
          .redirectError(errFile.toFile())
          .start();
      // the sample's children, seen while it runs (after it ended they are nobody's descendants)
      java.util.Set<Long> descendants = new java.util.LinkedHashSet<>();
      long deadline = System.nanoTime() + timeout.toNanos();
      boolean ended = false;
      while (!ended && System.nanoTime() < deadline) {
        p.descendants().forEach(d -> descendants.add(d.pid()));
        ended = p.waitFor(20, TimeUnit.MILLISECONDS);
      }
      if (!ended) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        fail(id + " did not end within " + timeout + ":\n" + Files.readString(outFile));
      }
      Output o = new Output(Files.readString(outFile), Files.readString(errFile), p.exitValue(),
          List.copyOf(descendants));
      Files.deleteIfExists(outFile);
      Files.deleteIfExists(errFile);
      return o;
    } catch (IOException e) {
      throw new AssertionError("could not run the samples jar " + jar, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static final class Tee extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    Tee(OutputStream a, OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public synchronized void write(int x) throws IOException {
      a.write(x);
      b.write(x);
    }

    @Override
    public synchronized void write(byte[] buf, int off, int len) throws IOException {
      a.write(buf, off, len);
      b.write(buf, off, len);
    }

    @Override
    public void flush() throws IOException {
      a.flush();
    }
  }
}
