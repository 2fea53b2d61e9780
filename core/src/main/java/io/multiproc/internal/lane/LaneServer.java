package io.multiproc.internal.lane;

import io.multiproc.internal.ProcessRuntime;
import io.multiproc.internal.Settings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * INTERNAL API. Where this JVM accepts lanes: other JVMs of the program connect to it to reach
 * the queues and pipe ends whose state lives here. Each connection first proves the authkey at
 * the {@link LaneGate} (one thread for all handshakes, a short deadline, a bound on how many run
 * at once); only then is it an {@link Inbound} with a thread of its own; answers are written back
 * on it by whichever thread makes them.
 *
 * <p>It listens on TCP, on Artery's host, for JVMs of other machines, and on a Unix domain socket
 * for JVMs of this one: a write to it costs a quarter of a write to TCP over loopback (measured
 * on the 2-core test machine: 1.3 against 5.2 microseconds), and a queue or pipe round trip
 * takes several. The socket's file is in a directory of this JVM's own that only its user can
 * enter; directories left by JVMs that were killed are removed by the next one that starts.
 */
public final class LaneServer {
  /** Binds a number to a receiver's path; the frames after it name the receiver by that number. */
  static final byte BIND = 'B';
  /** A request whose answer goes back on the lane. */
  static final byte REQUEST = 'R';
  /** A request whose answer nobody waits for (a pipelined put, a confirmation, a close). */
  static final byte TELL = 'T';
  /** Answered with Ok once every frame before it was handled. */
  static final byte SYNC = 'S';
  /** Between the TCP address and the Unix domain socket's path in a lane address. */
  static final char UNIX_SEPARATOR = '|';

  private static final Logger LOG = LoggerFactory.getLogger(LaneServer.class);
  private static final String DIR_PREFIX = "multiproc-lanes-";
  private static volatile String address;
  private static volatile boolean tried;

  private LaneServer() {}

  /**
   * The address where this JVM accepts lanes, started on first use: "host:port", followed by
   * {@link #UNIX_SEPARATOR} and a socket path where this JVM also listens on a Unix domain
   * socket. Null when lanes are off or could not be opened (then everything goes over Artery).
   */
  public static String address() {
    if (!tried) {
      synchronized (LaneServer.class) {
        if (!tried) {
          address = start();
          tried = true;
        }
      }
    }
    return address;
  }

  /** The address where this JVM accepts lanes if it started doing so, else null; starts nothing. */
  public static String startedAddress() {
    return tried ? address : null;
  }

  /** The host this JVM's lanes listen on for TCP: Artery's. */
  static String host() {
    return ProcessRuntime.host();
  }

  private static String start() {
    Settings settings = ProcessRuntime.settings();
    if (!settings.lanes()) {
      return null;
    }
    String host = host();
    String tcp;
    LaneGate gate;
    try {
      gate = new LaneGate(settings.laneHandshakeTimeout(), settings.laneMaxHandshakes(),
          LaneServer::serve);
      ServerSocketChannel server = ServerSocketChannel.open();
      server.bind(new InetSocketAddress(InetAddress.getByName(host), 0), 128);
      tcp = host + ":" + ((InetSocketAddress) server.getLocalAddress()).getPort();
      gate.listen(server);
    } catch (IOException e) {
      LOG.warn("cannot open lanes on {} ({}); queues and pipes go over Artery", host, e.toString());
      return null;
    }
    Path unix = startUnix(gate);
    gate.start();
    return unix == null ? tcp : tcp + UNIX_SEPARATOR + unix;
  }

  /** Listens on a Unix domain socket too, where the platform has them; its path, or null. */
  private static Path startUnix(LaneGate gate) {
    Path dir = null;
    try {
      removeLeftovers();
      dir = Files.createTempDirectory(DIR_PREFIX + ProcessHandle.current().pid() + "-");
      Path socket = dir.resolve("lane");
      ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      server.bind(UnixDomainSocketAddress.of(socket), 128);
      dir.toFile().deleteOnExit(); // registered first, so deleted last
      socket.toFile().deleteOnExit();
      gate.listen(server);
      return socket;
    } catch (IOException | UnsupportedOperationException e) {
      LOG.debug("no Unix domain socket for lanes ({}); this machine's JVMs use TCP", e.toString());
      if (dir != null) {
        dir.toFile().delete();
      }
      return null;
    }
  }

  /** Removes the lane directories of JVMs of this user that ended without removing their own. */
  private static void removeLeftovers() {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, DIR_PREFIX + "*")) {
      for (Path dir : dirs) {
        String rest = dir.getFileName().toString().substring(DIR_PREFIX.length());
        int dash = rest.indexOf('-');
        long pid;
        try {
          pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
        } catch (NumberFormatException e) {
          continue;
        }
        if (ProcessHandle.of(pid).isEmpty() && Files.isWritable(dir)) {
          Files.deleteIfExists(dir.resolve("lane"));
          Files.deleteIfExists(dir);
        }
      }
    } catch (IOException | RuntimeException e) {
      // another JVM removes them next time
    }
  }

  /** Serves a lane that proved the authkey, on a thread of its own. */
  private static void serve(LaneSocket lane, String peer) {
    Inbound inbound;
    try {
      inbound = new Inbound(lane, peer);
    } catch (IOException e) {
      lane.close();
      return;
    }
    Thread t = new Thread(null, inbound::run, "multiproc-lane-in", 256 * 1024);
    t.setDaemon(true);
    t.start();
  }
}
