package io.multiproc.internal.lane;

import io.multiproc.internal.ProcessRuntime;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * INTERNAL API. Where this JVM accepts lanes: other JVMs of the program connect to it to reach
 * the queues and pipe ends whose state lives here. Each connection, once it proved the authkey,
 * is an {@link Inbound} with a thread of its own; answers are written back on it by whichever
 * thread makes them.
 */
public final class LaneServer {
  /** Binds a number to a queue's path; the frames after it name the queue by that number. */
  static final byte BIND = 'B';
  /** A request whose answer goes back on the lane. */
  static final byte REQUEST = 'R';
  /** A request whose answer nobody waits for (a pipelined put, a confirmation, a close). */
  static final byte TELL = 'T';
  /** Answered with Ok once every frame before it was handled. */
  static final byte SYNC = 'S';

  private static final Logger LOG = LoggerFactory.getLogger(LaneServer.class);
  private static volatile String address;
  private static boolean tried;

  private LaneServer() {}

  /**
   * The address ("host:port") where this JVM accepts lanes, started on first use; null when
   * lanes are off or could not be opened (then everything goes over Artery).
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

  private static String start() {
    if (!ProcessRuntime.settings().lanes()) {
      return null;
    }
    String host = ProcessRuntime.settings().root()
        .getString("multiproc.actor-system.pekko.remote.artery.canonical.hostname");
    try {
      ServerSocket server = new ServerSocket();
      server.bind(new InetSocketAddress(InetAddress.getByName(host), 0), 128);
      Thread accept = new Thread(() -> acceptLoop(server), "multiproc-lane-accept");
      accept.setDaemon(true);
      accept.start();
      return host + ":" + server.getLocalPort();
    } catch (IOException e) {
      LOG.warn("cannot open lanes on {} ({}); queues and pipes go over Artery", host, e.toString());
      return null;
    }
  }

  private static void acceptLoop(ServerSocket server) {
    while (true) {
      try {
        Socket s = server.accept();
        Thread t = new Thread(null, () -> serve(s), "multiproc-lane-in", 256 * 1024);
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        LOG.warn("lane server stopped accepting: {}", e.toString());
        return;
      }
    }
  }

  private static void serve(Socket s) {
    Inbound inbound;
    try {
      LaneSocket lane = new LaneSocket(s);
      if (!lane.acceptHandshake()) {
        LOG.warn("refused a lane connection that did not prove this program's authkey ({} refused"
            + " so far)", LaneSocket.refusedCount());
        return;
      }
      inbound = new Inbound(lane, String.valueOf(s.getRemoteSocketAddress()));
    } catch (IOException e) {
      return;
    }
    inbound.run();
  }
}
