package io.multiproc.internal.queue;

import io.multiproc.internal.Finalizers;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * INTERNAL API. The pipe connections this JVM holds open, so that a child JVM ending normally
 * closes them at once (the other ends see the end of the stream without waiting for a failure
 * detector), as an exiting process closes its file descriptors.
 */
public final class OpenEnds {
  private static final Map<Object, Runnable> OPEN = new ConcurrentHashMap<>();

  static {
    Finalizers.register("close pipe ends", Finalizers.CLOSE_ENDS, OpenEnds::closeAll);
  }

  private OpenEnds() {}

  /** Remembers how to close {@code end}. */
  public static void opened(Object end, Runnable close) {
    OPEN.put(end, close);
  }

  /** Forgets {@code end}, closed by its user. */
  public static void closed(Object end) {
    OPEN.remove(end);
  }

  /** Closes every end still open; called once as the JVM ends. */
  public static void closeAll() {
    for (Object end : OPEN.keySet()) {
      Runnable close = OPEN.remove(end);
      if (close != null) {
        close.run();
      }
    }
  }
}
