package io.multiproc.internal.lane;

import io.multiproc.ProcessError;
import io.multiproc.internal.ProcessRuntime;
import io.multiproc.internal.queue.Inbox;
import io.multiproc.internal.queue.QueueActor;
import io.multiproc.internal.wire.LaneCodec;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * INTERNAL API. The connecting side of a lane: this JVM's direct connection to another JVM of the
 * program that holds queues or pipe ends this JVM uses. Requests are written by the calling
 * thread; a reader thread hands each answer to the request waiting for it. When the other JVM
 * ends, every request still waiting fails at once instead of waiting for a failure detector.
 */
public final class Lane {
  private static final Logger LOG = LoggerFactory.getLogger(Lane.class);
  private static final Map<String, Lane> LANES = new ConcurrentHashMap<>();
  private static final Set<String> UNREACHABLE = ConcurrentHashMap.newKeySet();

  private final String address;
  private final LaneSocket socket;
  private final Map<String, Integer> bound = new ConcurrentHashMap<>();
  private final Set<Long> waiting = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private Lane(String address, LaneSocket socket) {
    this.address = address;
    this.socket = socket;
  }

  /**
   * The lane to the JVM accepting at {@code address}, opened on first use; null when there is
   * none (no address, lanes off, or it cannot be opened: then the caller goes over Artery).
   */
  public static Lane to(String address) {
    if (address == null || !ProcessRuntime.settings().lanes() || UNREACHABLE.contains(address)) {
      return null;
    }
    Lane lane = LANES.get(address);
    if (lane != null && !lane.closed) {
      return lane;
    }
    synchronized (LANES) {
      lane = LANES.get(address);
      if (lane == null || lane.closed) {
        lane = open(address);
        if (lane == null) {
          return null;
        }
        LANES.put(address, lane);
      }
      return lane;
    }
  }

  private static Lane open(String address) {
    int colon = address.lastIndexOf(':');
    Socket s = new Socket();
    try {
      s.connect(new InetSocketAddress(address.substring(0, colon),
          Integer.parseInt(address.substring(colon + 1))), 10_000);
      LaneSocket socket = new LaneSocket(s);
      socket.connectHandshake();
      Lane lane = new Lane(address, socket);
      Thread reader = new Thread(null, lane::readLoop, "multiproc-lane-out", 256 * 1024);
      reader.setDaemon(true);
      reader.start();
      return lane;
    } catch (IOException | RuntimeException e) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing anyway
      }
      UNREACHABLE.add(address);
      LOG.warn("no lane to {} ({}); its queues and pipes are reached over Artery", address,
          e.toString());
      return null;
    }
  }

  /** The future answer of request {@code id}, failed should this lane close first. */
  public CompletableFuture<QueueActor.Reply> expect(long id) {
    CompletableFuture<QueueActor.Reply> f = Inbox.expect(id);
    waiting.add(id);
    f.whenComplete((r, e) -> waiting.remove(id));
    if (closed) {
      Inbox.fail(id, ended());
    }
    return f;
  }

  /** Sends {@code request} to the queue at {@code path} in the other JVM. */
  public void send(String path, QueueActor.Command request) {
    try {
      Integer index = bound.get(path);
      if (index == null) {
        index = bind(path);
      }
      LaneSocket.Frame frame = new LaneSocket.Frame();
      frame.write(LaneServer.REQUEST);
      new DataOutputStream(frame).writeInt(index);
      LaneCodec.write(request, frame);
      socket.write(frame);
    } catch (IOException e) {
      throw ended();
    }
  }

  private synchronized int bind(String path) throws IOException {
    Integer index = bound.get(path);
    if (index != null) {
      return index;
    }
    int fresh = bound.size();
    LaneSocket.Frame frame = new LaneSocket.Frame();
    DataOutputStream data = new DataOutputStream(frame);
    data.writeByte(LaneServer.BIND);
    data.writeInt(fresh);
    data.writeUTF(path);
    socket.write(frame);
    bound.put(path, fresh);
    return fresh;
  }

  private void readLoop() {
    try {
      while (true) {
        Inbox.deliver((QueueActor.Reply) LaneCodec.read(socket.read(), 0));
      }
    } catch (IOException | RuntimeException e) {
      if (!(e instanceof IOException io && LaneSocket.isEnd(io))) {
        LOG.warn("closing the lane to {} after a bad answer: {}", address, e.toString());
      }
    } finally {
      closed = true;
      socket.close();
      for (Long id : waiting) {
        Inbox.fail(id, ended());
      }
    }
  }

  /** Closes this lane, as the end of this JVM would; requests still waiting fail. */
  void close() {
    closed = true;
    socket.close();
  }

  private ProcessError ended() {
    return new ProcessError("the process holding this queue or pipe end has ended (its lane at "
        + address + " closed)");
  }
}
