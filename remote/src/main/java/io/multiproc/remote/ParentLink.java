package io.multiproc.remote;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.util.concurrent.CompletableFuture;

/**
 * INTERNAL API. A child JVM's standard input, the private channel from its parent, read by one
 * thread for the child's whole life: first the bootstrap header, then the process frame, then
 * nothing until the end of the stream, which means the parent is gone.
 *
 * <p>When the parent goes, a child that has no process yet (a spare, or one still booting) ends at
 * once, and so does a daemon process; a non-daemon process goes on as an orphan, as under CPython.
 * The reads go through an interruptible channel: a JVM halts slowly (about 300 ms) while a thread
 * is blocked in native code, so {@link #close()} interrupts the reader before the child halts.
 */
final class ParentLink {
  private final CompletableFuture<Bootstrap> header = new CompletableFuture<>();
  private final CompletableFuture<byte[]> frame = new CompletableFuture<>();
  private final Thread reader;
  private volatile boolean running;
  private volatile boolean daemon;
  private volatile boolean closing;
  private boolean parentGone; // guarded by this

  ParentLink() {
    reader = new Thread(this::read, "multiproc-parent-link");
    reader.setDaemon(true);
    reader.start();
  }

  CompletableFuture<Bootstrap> header() {
    return header;
  }

  /** The process frame; completes with null when the parent left without sending one. */
  CompletableFuture<byte[]> frame() {
    return frame;
  }

  /**
   * From now on a lost parent ends this JVM only if the process is a daemon; a parent lost between
   * sending the process and this call counts the same (a non-daemon runs on as an orphan).
   */
  void running(boolean isDaemon) {
    synchronized (this) {
      this.daemon = isDaemon;
      this.running = true;
      if (!parentGone || !isDaemon) {
        return;
      }
    }
    ChildMain.halt(1);
  }

  /** Stops reading, so the JVM can halt at once. */
  void close() {
    closing = true;
    reader.interrupt();
  }

  private void read() {
    FileInputStream stdin = new FileInputStream(FileDescriptor.in);
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(
        Channels.newInputStream(stdin.getChannel()), 1 << 16))) {
      header.complete(Bootstrap.read(in));
      frame.complete(Bootstrap.readFrame(in));
      while (in.read() >= 0) {
        // nothing more is sent after the frame; read until the end
      }
    } catch (IOException | RuntimeException e) {
      if (closing) {
        return;
      }
      header.completeExceptionally(e);
      frame.completeExceptionally(e);
    }
    if (closing) {
      return;
    }
    boolean sent = frame.isDone() && !frame.isCompletedExceptionally() && frame.getNow(null) != null;
    frame.complete(null);
    synchronized (this) {
      parentGone = true;
      if (running ? !daemon : sent) {
        return; // a process was sent: it decides, once it runs, by its daemon flag
      }
    }
    ChildMain.halt(running ? 1 : 0);
  }
}
