package io.multiproc.internal.transport;

import io.multiproc.internal.ProcessRuntime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * INTERNAL API. This JVM's table of receivers by path: where a lane or the gateway delivers a
 * message addressed to a path. A path not in it names no object of this JVM.
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

  /**
   * Makes {@code receiver} the receiver of a new path of {@code kind} in this JVM and returns the
   * path, which handles carry: this JVM's Artery address and a unique name. Lanes and the gateway
   * (started here, before the handle can travel) deliver there.
   */
  public static String publish(String kind, Receiver receiver) {
    ProcessRuntime.system();
    Gateway.ensureStarted();
    String path = ProcessRuntime.startedSystem().provider().getDefaultAddress() + "/system/"
        + kind + "-" + java.util.UUID.randomUUID();
    register(path, receiver);
    return path;
  }

  /** Takes {@code path} out of the table: its object ended, and nothing reaches it any more. */
  public static void withdraw(String path) {
    HERE.remove(path);
  }

  /** The receiver of {@code path} in this JVM, or null. */
  public static Receiver here(String path) {
    return HERE.get(path);
  }
}
