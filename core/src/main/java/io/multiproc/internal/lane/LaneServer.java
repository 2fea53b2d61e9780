package io.multiproc.internal.lane;

import io.multiproc.internal.ProcessRuntime;
import io.multiproc.internal.queue.QueueActor;
import io.multiproc.internal.queue.QueueState;
import io.multiproc.internal.wire.LaneCodec;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * INTERNAL API. The accepting side of this JVM's lanes: other JVMs of the program connect to it
 * to reach the queues and pipe ends whose state lives here. Each connection has a thread that
 * reads its requests and calls the state directly; answers are written back on the connection by
 * whichever thread makes them. The connection is the owner of what it asked for, so when it
 * closes (its JVM ended, or was killed) the states clean up after it at once.
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
  private static final QueueState.Replier NO_ANSWER = reply -> { };
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
    LaneSocket lane;
    try {
      lane = new LaneSocket(s);
      if (!lane.acceptHandshake()) {
        LOG.warn("refused a lane connection that did not prove this program's authkey ({} refused"
            + " so far)", LaneSocket.refusedCount());
        return;
      }
    } catch (IOException e) {
      return;
    }
    Object owner = new Object() {
      @Override
      public String toString() {
        return "lane from " + s.getRemoteSocketAddress();
      }
    };
    Map<Integer, QueueState> bound = new HashMap<>();
    Set<QueueState> used = new HashSet<>();
    Batch batch = new Batch(owner);
    try {
      while (true) {
        if (!batch.isEmpty() && !lane.readable()) {
          batch.store(); // nothing more has come: the puts gathered go in now
        }
        byte[] frame = lane.read();
        int index = ((frame[1] & 0xff) << 24) | ((frame[2] & 0xff) << 16)
            | ((frame[3] & 0xff) << 8) | (frame[4] & 0xff);
        if (frame[0] == BIND) {
          String path = new DataInputStream(new java.io.ByteArrayInputStream(frame, 5,
              frame.length - 5)).readUTF();
          QueueState state = QueueState.here(path);
          if (state == null) {
            throw new IOException("no queue at " + path + " in this JVM");
          }
          bound.put(index, state);
          continue;
        }
        if (frame[0] == SYNC) {
          answer(lane, new QueueActor.Ok(((QueueActor.Taken) LaneCodec.read(frame, 5)).id()));
          continue;
        }
        QueueState state = bound.get(index);
        if (state == null) {
          throw new IOException("a request names queue " + index + ", which was never bound");
        }
        used.add(state);
        QueueActor.Command request = (QueueActor.Command) LaneCodec.read(frame, 5);
        if (frame[0] == TELL && request instanceof QueueActor.Put put && state.unbounded()) {
          batch.add(state, put.item());
          continue;
        }
        batch.store(); // what came before this request is handled before it
        state.handle(request, frame[0] == TELL ? NO_ANSWER : reply -> answer(lane, reply), owner);
      }
    } catch (IOException | RuntimeException e) {
      if (!(e instanceof IOException io && LaneSocket.isEnd(io))) {
        LOG.warn("closing a lane after a bad request: {}", e.toString());
      }
    } finally {
      batch.store();
      lane.close();
      for (QueueState state : used) {
        state.ownerDown(owner);
      }
    }
  }

  /**
   * Pipelined puts to one unbounded queue that came one after another: stored with one call, so
   * a consumer waiting on the queue wakes once for many items, not once for each.
   */
  private static final class Batch {
    private static final int MAX = 4096;
    private final Object owner;
    private QueueState state;
    private java.util.List<byte[]> items = new java.util.ArrayList<>();

    Batch(Object owner) {
      this.owner = owner;
    }

    boolean isEmpty() {
      return items.isEmpty();
    }

    void add(QueueState to, byte[] item) {
      if (to != state) {
        store();
        state = to;
      }
      items.add(item);
      if (items.size() >= MAX) {
        store();
      }
    }

    void store() {
      if (!items.isEmpty()) {
        state.handle(new QueueActor.PutBatch(-1, items, null, null), NO_ANSWER, owner);
        items = new java.util.ArrayList<>();
      }
    }
  }

  private static void answer(LaneSocket lane, QueueActor.Reply reply) {
    LaneSocket.Frame frame = new LaneSocket.Frame();
    LaneCodec.write(reply, frame);
    try {
      lane.write(frame);
    } catch (IOException e) {
      // the other JVM is gone: its lane's reader ends and the states drop what it asked for
    }
  }
}
