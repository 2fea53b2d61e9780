package io.multiproc.internal;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * INTERNAL API. The {@code multiproc} configuration, read once per JVM and validated.
 *
 * <p>A bad value fails at load with the key's name and what it must be, never later at its first
 * use.
 */
public record Settings(
    Config root,
    String startMethod,
    int authkeyBytes,
    String childJavaHome,
    List<String> childJvmOptions,
    List<String> inheritedPropertyPrefixes,
    boolean classDataSharing,
    Path cdsDirectory,
    Duration registerTimeout,
    Duration exitFlushTimeout,
    Duration shutdownHooksTimeout,
    boolean pumpOutput,
    int forkserverSpares,
    boolean lanes,
    Duration laneHandshakeTimeout,
    int laneMaxHandshakes,
    long pipeBuffer) {

  private static final Set<String> START_METHODS = Set.of("auto", "spawn", "forkserver", "thread");

  /** Loads the JVM's configuration (application.conf over reference.conf, system properties on top). */
  public static Settings load() {
    return from(ConfigFactory.load());
  }

  /** Reads and validates the {@code multiproc} section of {@code config}. */
  public static Settings from(Config config) {
    Config c = config.getConfig("multiproc");
    try {
      String startMethod = c.getString("start-method");
      require(START_METHODS.contains(startMethod), "multiproc.start-method",
          "one of " + START_METHODS + ", not '" + startMethod + "'");
      int authkeyBytes = c.getInt("authkey-bytes");
      require(authkeyBytes >= 16 && authkeyBytes <= 1024, "multiproc.authkey-bytes",
          "between 16 and 1024");
      String output = c.getString("child.output");
      require(output.equals("pump") || output.equals("inherit"), "multiproc.child.output",
          "\"pump\" or \"inherit\", not '" + output + "'");
      int spares = c.getInt("forkserver.spares");
      require(spares >= 0 && spares <= 64, "multiproc.forkserver.spares", "between 0 and 64");
      Duration registerTimeout = c.getDuration("child.register-timeout");
      require(!registerTimeout.isNegative() && !registerTimeout.isZero(),
          "multiproc.child.register-timeout", "positive");
      String transport = c.getString("actor-system.pekko.remote.artery.transport");
      require(transport.equals("tls-tcp"), "multiproc.actor-system.pekko.remote.artery.transport",
          "tls-tcp, not '" + transport + "': multiproc lets only JVMs that hold its authkey reach"
          + " Artery, by TLS with keys made from the authkey");
      Duration handshake = c.getDuration("lane-handshake.timeout");
      require(!handshake.isNegative() && !handshake.isZero(), "multiproc.lane-handshake.timeout",
          "positive");
      int maxHandshakes = c.getInt("lane-handshake.max-pending");
      require(maxHandshakes >= 1 && maxHandshakes <= 4096, "multiproc.lane-handshake.max-pending",
          "between 1 and 4096");
      String cds = c.getString("child.cds-directory");
      Path cdsDir = cds.isEmpty()
          ? Path.of(System.getProperty("java.io.tmpdir"),
              "multiproc-cds-" + System.getProperty("user.name", "user"))
          : Path.of(cds);
      return new Settings(
          config,
          startMethod,
          authkeyBytes,
          c.getString("child.java-home"),
          List.copyOf(c.getStringList("child.jvm-options")),
          List.copyOf(c.getStringList("child.inherited-property-prefixes")),
          c.getBoolean("child.class-data-sharing"),
          cdsDir,
          registerTimeout,
          c.getDuration("child.exit-flush-timeout"),
          c.getDuration("child.shutdown-hooks-timeout"),
          output.equals("pump"),
          spares,
          c.getBoolean("lanes"),
          handshake,
          maxHandshakes,
          pipeBuffer(c));
    } catch (ConfigException e) {
      throw new IllegalArgumentException("multiproc configuration is invalid: " + e.getMessage()
          + " (see reference.conf in multiproc-core for every key and its meaning)", e);
    }
  }

  private static long pipeBuffer(Config c) {
    long bytes = c.getBytes("pipe.buffer");
    require(bytes >= 4096 && bytes <= (1L << 31), "multiproc.pipe.buffer",
        "between 4 KiB and 2 GiB, not " + bytes + " bytes");
    return bytes;
  }

  /**
   * The configuration for this JVM's ActorSystem: what is under {@code multiproc.actor-system},
   * over Pekko's reference.conf and nothing else. A program's own {@code pekko.*} settings
   * (application.conf, {@code -Dpekko...}) are for ActorSystems of its own and do not reach this
   * one. Pekko's reference is taken unresolved (the resolved one has the system properties on
   * top) and resolved under multiproc's section.
   */
  public Config actorSystemConfig() {
    return root.getConfig("multiproc.actor-system")
        .withFallback(ConfigFactory.defaultReferenceUnresolved())
        .resolve();
  }

  private static void require(boolean ok, String key, String what) {
    if (!ok) {
      throw new IllegalArgumentException(key + " must be " + what);
    }
  }
}
