package io.multiproc.remote;

import io.multiproc.internal.process.Registry;
import java.io.BufferedInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * INTERNAL API. One launched child JVM: its OS process, the private channel on its standard input,
 * the copying of its output, and the future of its registration.
 */
final class JvmChild {
  private final java.lang.Process os;
  private final long token;
  private final CompletableFuture<Registry.Hello> hello;
  private final DataOutputStream stdin;
  private final Thread[] pumps;
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();
  private final AtomicInteger reportsPending = new AtomicInteger(2);
  private volatile Integer reported;

  JvmChild(java.lang.Process os, long token, CompletableFuture<Registry.Hello> hello, boolean pump,
      IntConsumer onExit) {
    this.os = os;
    this.token = token;
    this.hello = hello;
    this.stdin = new DataOutputStream(os.getOutputStream());
    this.pumps = pump
        ? new Thread[] {
            pump(os.getInputStream(), () -> System.out, "out"),
            pump(os.getErrorStream(), () -> System.err, "err")}
        : new Thread[0];
    os.onExit().thenAccept(p -> {
      Registry.forget(token);
      for (Thread t : pumps) {
        try {
          t.join(2_000); // the output pipe closes with the JVM; its last lines come first
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      int code = p.exitValue();
      if (onExit != null) {
        onExit.accept(code);
      }
      Integer r = reported;
      // with no report the JVM died of a signal it could not catch (SIGKILL): status 128+N
      exit.complete(r != null && r != ExitReport.OS_STATUS ? r
          : r == null && code > 128 && code <= 128 + 64 ? -(code - 128) : code);
    });
  }

  long pid() {
    return os.pid();
  }

  java.lang.Process os() {
    return os;
  }

  /** Completes with the exit code, as multiproc reports it (-N after signal N). */
  CompletableFuture<Integer> exit() {
    return exit;
  }

  /** Completes when the child proved the authkey and registered. */
  CompletableFuture<Registry.Hello> registered() {
    return hello;
  }

  /**
   * Writes to the child's standard input on the caller's thread, as CPython's start() writes the
   * pickled process before it returns: a parent that exits right after start() has still handed
   * its child everything. The child reads its standard input from the moment it boots, so a write
   * larger than the pipe's buffer waits only for that.
   */
  synchronized void send(IoAction action) {
    try {
      action.write(stdin);
    } catch (IOException e) {
      // the child is gone; its exit code tells the story
    }
  }

  /** Sends the process to run. */
  void assign(byte[] payload) {
    send(out -> Bootstrap.writeFrame(out, payload));
  }

  /** An action on the child's standard input. */
  interface IoAction {
    void write(DataOutputStream out) throws IOException;
  }

  long token() {
    return token;
  }

  /** Called by a pump that met the exit report; the second one ends the process for join(). */
  private void reportSeen(int code) {
    reported = code;
    if (reportsPending.decrementAndGet() == 0 && code != ExitReport.OS_STATUS) {
      exit.complete(code);
    }
  }

  private Thread pump(InputStream from, Supplier<PrintStream> to, String which) {
    Thread t = new Thread(() -> {
      try (InputStream in = new BufferedInputStream(from, 8192)) {
        Line line = new Line();
        int b;
        while ((b = in.read()) >= 0) {
          line.add((byte) b);
          if (b == '\n') {
            deliver(line, to.get());
          }
        }
        deliver(line, to.get());
      } catch (IOException e) {
        // the child's end closed; nothing more to copy
      }
    }, "multiproc-child-" + which);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private void deliver(Line line, PrintStream to) {
    if (line.size == 0 || line.afterReport) {
      line.size = 0; // what a JVM prints while it winds down is not the process's output
      return;
    }
    int at = ExitReport.find(line.bytes, line.size);
    int printable = at >= 0 ? at : line.size;
    if (printable > 0) {
      synchronized (to) {
        to.write(line.bytes, 0, printable);
        to.flush();
      }
    }
    if (at >= 0) {
      line.afterReport = true;
      reportSeen(ExitReport.code(line.bytes, at, line.size));
    }
    line.size = 0;
  }

  /** A growable line buffer that lends its array to the pump without copying. */
  private static final class Line {
    byte[] bytes = new byte[256];
    int size;
    boolean afterReport;

    void add(byte b) {
      if (size == bytes.length) {
        bytes = java.util.Arrays.copyOf(bytes, size * 2);
      }
      bytes[size++] = b;
    }
  }
}
