package io.multiproc.internal.transport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * INTERNAL API. Where a lane hands a frame that no thread of this JVM waits for: a push an
 * object's owner sent on its own (a lock's recall), or an answer that came after its caller gave
 * up. Each protocol registers the handler of its answer type; a frame of no registered type is
 * dropped.
 */
public final class Strays {
  private static final Map<Class<?>, Consumer<Object>> HANDLERS = new ConcurrentHashMap<>();

  private Strays() {}

  /** Hands the strays that are instances of {@code type} to {@code handler}. */
  public static <T> void handle(Class<T> type, Consumer<? super T> handler) {
    HANDLERS.put(type, m -> handler.accept(type.cast(m)));
  }

  /** Hands {@code frame} to the handler of its type, if any. */
  public static void deliver(Object frame) {
    for (Map.Entry<Class<?>, Consumer<Object>> e : HANDLERS.entrySet()) {
      if (e.getKey().isInstance(frame)) {
        e.getValue().accept(frame);
        return;
      }
    }
  }
}
