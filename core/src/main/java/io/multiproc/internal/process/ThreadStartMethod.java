package io.multiproc.internal.process;

import io.multiproc.Process;
import io.multiproc.spi.LaunchRequest;
import io.multiproc.spi.Popen;
import io.multiproc.spi.StartMethod;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * INTERNAL API. The "thread" start method: the process runs in a thread of this JVM, as CPython's
 * {@code multiprocessing.dummy}, for tests, debugging and thread pools. It runs a copy of the
 * process object made from its bytes, so its arguments are copies as under the other methods
 * (statics are shared, being one JVM).
 *
 * <p>A thread cannot be killed, so {@code terminate()} and {@code kill()} interrupt it; the exit
 * code becomes -15 or -9 once the target gives up, and stays null while it ignores the interrupt.
 */
public final class ThreadStartMethod implements StartMethod {
  @Override
  public String name() {
    return "thread";
  }

  @Override
  public int preference() {
    return 0;
  }

  /**
   * Runs a copy decoded from the request's bytes, as every other start method does, so that
   * what travels (a pipe connection's copy, say) behaves the same under every method.
   */
  @Override
  public Popen launch(LaunchRequest request) {
    Process copy = (Process) io.multiproc.internal.wire.Reducer.get().loads(request.payload());
    return new ThreadPopen(copy, request.daemon());
  }

  private static final class ThreadPopen implements Popen {
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final Thread thread;
    private volatile Integer signal;

    ThreadPopen(Process process, boolean daemon) {
      Process parent = ProcessAccess.get().currentProcess();
      thread = new Thread(() -> {
        Processes.setThreadProcess(process, parent);
        int code = ProcessAccess.get().bootstrap(process);
        Integer s = signal;
        exit.complete(s != null ? s : code);
      }, process.name());
      thread.setDaemon(daemon);
      thread.start();
    }

    @Override
    public long pid() {
      return ProcessHandle.current().pid();
    }

    @Override
    public Integer poll() {
      return exit.getNow(null);
    }

    @Override
    public Integer waitFor(Duration timeout) throws InterruptedException {
      try {
        return timeout == null ? exit.get() : exit.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        return null;
      } catch (ExecutionException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void terminate() {
      interrupt(-15);
    }

    @Override
    public void kill() {
      interrupt(-9);
    }

    private void interrupt(int code) {
      if (!exit.isDone()) {
        signal = code;
        thread.interrupt();
      }
    }
  }
}
