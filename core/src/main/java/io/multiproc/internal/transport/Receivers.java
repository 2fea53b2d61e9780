package io.multiproc.internal.transport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * INTERNAL API. This JVM's table of receivers by path: where a lane delivers a message addressed
 * to a path. A path not in it is an actor's (the lane hands the message to the actor).
 */
public final class Receivers {
  private static final Map<String, Receiver> HERE = new ConcurrentHashMap<>();

  private Receivers() {}

  /** Makes {@code receiver} get what lanes bring for {@code path}. */
  public static void register(String path, Receiver receiver) {
    if (HERE.putIfAbsent(path, receiver) != null) {
      throw new IllegalStateException("a receiver is registered for " + path + " already");
    }
  }

  /** The receiver of {@code path} in this JVM, or null. */
  public static Receiver here(String path) {
    return HERE.get(path);
  }
}
