package io.multiproc.internal;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * INTERNAL API. This JVM's authkey: drawn at random in a main process, received from the parent
 * (on standard input) in a child. Every message between JVMs is signed with it.
 */
public final class Authkey {
  private static volatile byte[] key;

  private Authkey() {}

  /** The key, drawn on first use in a main process. */
  public static byte[] get() {
    byte[] k = key;
    if (k == null) {
      synchronized (Authkey.class) {
        if (key == null) {
          byte[] fresh = new byte[ProcessRuntime.settings().authkeyBytes()];
          new SecureRandom().nextBytes(fresh);
          key = fresh;
        }
        k = key;
      }
    }
    return k;
  }

  /** A copy of the key, for callers outside the wire. */
  public static byte[] copy() {
    return get().clone();
  }

  /** Installs the key a child received from its parent; must happen before any message moves. */
  public static synchronized void install(byte[] received) {
    if (received == null || received.length < 16) {
      throw new IllegalArgumentException("an authkey must have at least 16 bytes");
    }
    if (key != null && !Arrays.equals(key, received)) {
      throw new IllegalStateException("this JVM already uses another authkey");
    }
    key = received.clone();
  }
}
