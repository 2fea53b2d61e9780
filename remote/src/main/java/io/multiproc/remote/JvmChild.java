package io.multiproc.remote;

import io.multiproc.internal.Registry;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * INTERNAL API. One launched child JVM: its OS process, the private channel on its standard input,
 * the copying of its output, and the future of its registration.
 */
final class JvmChild {
  /** Writes to children's standard input off the caller's thread, in order per child. */
  private static final ExecutorService WRITERS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "multiproc-child-stdin");
    t.setDaemon(true);
    return t;
  });

  private final java.lang.Process os;
  private final long token;
  private final CompletableFuture<Registry.Hello> hello;
  private final DataOutputStream stdin;
  private final Thread[] pumps;
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();
  private CompletableFuture<Void> writes = CompletableFuture.completedFuture(null);

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
      exit.complete(code > 128 && code <= 128 + 64 ? -(code - 128) : code);
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

  /** Writes to the child's standard input, after what was written before; never blocks the caller. */
  synchronized void send(IoAction action) {
    writes = writes.thenRunAsync(() -> {
      try {
        action.write(stdin);
      } catch (IOException e) {
        // the child is gone; its exit code tells the story
      }
    }, WRITERS);
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

  private static Thread pump(InputStream from, Supplier<PrintStream> to, String which) {
    Thread t = new Thread(() -> {
      try (InputStream in = new BufferedInputStream(from, 8192)) {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        int b;
        while ((b = in.read()) >= 0) {
          line.write(b);
          if (b == '\n') {
            flush(line, to.get());
          }
        }
        flush(line, to.get());
      } catch (IOException e) {
        // the child's end closed; nothing more to copy
      }
    }, "multiproc-child-" + which);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void flush(ByteArrayOutputStream line, PrintStream to) {
    if (line.size() > 0) {
      synchronized (to) {
        to.write(line.toByteArray(), 0, line.size());
        to.flush();
      }
      line.reset();
    }
  }
}
