package io.multiproc.internal.process;

import io.multiproc.Process;
import io.multiproc.spi.Popen;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * INTERNAL API. The children one process started, as CPython's {@code _children}, and the count
 * that numbers those it made ({@code Process-1:2} is the second of Process-1). A process holds
 * its own (not sent with it: a child starts with none); what is running of a child is read
 * through {@link ProcessAccess}, as its handle is private to the API.
 */
public final class Children {
  private final Set<Process> started = ConcurrentHashMap.newKeySet();
  private final AtomicInteger made = new AtomicInteger();

  /** The number of the next process this one makes, from 1. */
  public int next() {
    return made.incrementAndGet();
  }

  /** Those started and not yet reaped, for iteration while they are reaped. */
  public Set<Process> all() {
    return started;
  }

  /** Keeps {@code child}, started by this process. */
  public void add(Process child) {
    started.add(child);
  }

  /** Forgets {@code child}: joined after it ended, or closed. */
  public void remove(Process child) {
    started.remove(child);
  }

  /** Forgets the children that ended or were closed, as CPython's {@code _cleanup}. */
  public void prune() {
    started.removeIf(c -> closed(c) || (popen(c) != null && popen(c).poll() != null));
  }

  /** CPython's exit function at a process's end: daemonic children ended, the others joined. */
  public void finish() {
    List<Process> mine = new ArrayList<>(started);
    for (Process c : mine) {
      if (c.daemon() && popen(c) != null) {
        popen(c).terminate();
      }
    }
    for (Process c : mine) {
      if (popen(c) != null && !closed(c)) {
        c.join();
      }
    }
  }

  /**
   * CPython's exit function, run once the program's own threads ended (or the JVM exits):
   * daemonic children are terminated and the others waited for.
   */
  public void finishAtExit() {
    for (Process c : started) {
      Popen p = popen(c);
      if (c.daemon() && p != null && p.poll() == null) {
        p.terminate();
      }
    }
    for (Process c : started) {
      Popen p = popen(c);
      if (!c.daemon() && p != null) {
        try {
          p.waitFor(null);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  private static Popen popen(Process c) {
    return ProcessAccess.get().popen(c);
  }

  private static boolean closed(Process c) {
    return ProcessAccess.get().closed(c);
  }
}
