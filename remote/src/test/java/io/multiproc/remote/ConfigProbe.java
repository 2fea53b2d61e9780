package io.multiproc.remote;

import io.multiproc.Lock;
import io.multiproc.Multiprocessing;
import io.multiproc.Process;
import io.multiproc.Queue;
import java.time.Duration;

/**
 * A multiproc main JVM for {@link ConfigIsolationIT}: makes a Queue, then a Lock, then has a
 * spawned child put on the Queue, and prints one line for each: "queue ok" or "queue failed"
 * followed by the exception, and so on. What it is run with (system properties) is the test.
 */
public final class ConfigProbe {
  private ConfigProbe() {}

  static void child(Queue<Object> queue) {
    queue.put("from the child");
  }

  public static void main(String[] args) {
    Queue<Object> queue = null;
    try {
      queue = new Queue<>();
      say("queue ok");
    } catch (RuntimeException e) {
      say("queue failed " + e);
    }
    try {
      new Lock();
      say("lock ok");
    } catch (RuntimeException e) {
      say("lock failed " + e);
    }
    if (queue != null) {
      try {
        Process p = Multiprocessing.getContext("spawn").process(ConfigProbe::child, queue);
        p.start();
        Object got = queue.get(true, Duration.ofSeconds(120));
        p.join(Duration.ofSeconds(60));
        say("child " + ("from the child".equals(got) && p.exitcode() == 0 ? "ok" : "failed "
            + got + " " + p.exitcode()));
      } catch (RuntimeException e) {
        say("child failed " + e);
      }
    }
    say("done");
  }

  private static void say(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
