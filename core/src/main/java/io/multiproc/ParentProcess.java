package io.multiproc;

import io.multiproc.internal.process.Processes;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What a child sees of its parent ({@link Multiprocessing#parentProcess()}): name, pid, whether it
 * is alive, and join. It cannot be started, terminated or killed from the child.
 */
final class ParentProcess extends Process {
  private static final long serialVersionUID = 1L;
  private final long pid;

  ParentProcess(Processes.ParentInfo info) {
    super(info.name(), new int[0], 0);
    this.pid = info.pid();
  }

  @Override
  public Long pid() {
    return pid;
  }

  @Override
  public boolean isAlive() {
    return handle().map(ProcessHandle::isAlive).orElse(false);
  }

  @Override
  public Integer exitcode() {
    return null; // a parent's exit code is its own parent's to read
  }

  @Override
  public void join(Duration timeout) {
    Optional<ProcessHandle> h = handle();
    if (h.isEmpty()) {
      return;
    }
    try {
      if (timeout == null) {
        h.get().onExit().get();
      } else {
        h.get().onExit().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      }
    } catch (TimeoutException e) {
      // join returns either way, as CPython's does
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new ProcessError("could not wait for the parent " + name(), e);
    }
  }

  @Override
  public void start() {
    throw new IllegalStateException("the parent process is already running; it cannot be started");
  }

  @Override
  public void terminate() {
    throw new IllegalStateException("a child cannot terminate its parent through parentProcess()");
  }

  @Override
  public void kill() {
    throw new IllegalStateException("a child cannot kill its parent through parentProcess()");
  }

  private Optional<ProcessHandle> handle() {
    return ProcessHandle.of(pid);
  }

  @Override
  public String toString() {
    return "<_ParentProcess name='" + name() + "' pid=" + pid + " parent=None>";
  }
}
