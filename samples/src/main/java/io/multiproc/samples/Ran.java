package io.multiproc.samples;

import java.io.Serializable;

/**
 * When and where one pool task ran, returned by the tasks of the samples whose lesson is about
 * timing, so the main can print a timeline after {@code join()} (not in the sources: proof of
 * what the source's output only suggests).
 *
 * @param task the task's number
 * @param pid the worker that ran it
 * @param start when it started, epoch milliseconds (one clock for every JVM of this machine)
 * @param end when it ended, epoch milliseconds
 */
record Ran(int task, long pid, long start, long end) implements Serializable {
  /** A task that started at {@code start} and ends now, in this process. */
  static Ran since(int task, long start) {
    return new Ran(task, ProcessHandle.current().pid(), start, System.currentTimeMillis());
  }

  /** {@code task 3: pid 1234, +210..+730 ms}, relative to {@code t0}. */
  String line(long t0) {
    return String.format("task %d: pid %d, +%d..+%d ms", task, pid, start - t0, end - t0);
  }
}
