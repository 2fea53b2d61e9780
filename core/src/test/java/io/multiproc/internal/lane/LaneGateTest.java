package io.multiproc.internal.lane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiproc.internal.queue.QueueProtocol;
import io.multiproc.internal.queue.QueueClient;
import io.multiproc.internal.queue.QueueState;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Strangers who connect to a lane server and never prove the authkey cost it no thread each, are
 * closed after the short handshake deadline (or at once beyond the bound), and do not keep a JVM
 * of the program from opening a lane.
 */
class LaneGateTest {
  private static final int STRANGERS = 300;

  @Test
  void idleUnauthenticatedConnections_costNoThreadEach_andARealLaneStillWorks() throws Exception {
    String address = LaneServer.address();
    assertNotNull(address, "lanes are on by default");
    int bar = address.indexOf(LaneServer.UNIX_SEPARATOR);
    String tcp = bar < 0 ? address : address.substring(0, bar);
    int colon = tcp.lastIndexOf(':');
    InetSocketAddress server = new InetSocketAddress(tcp.substring(0, colon),
        Integer.parseInt(tcp.substring(colon + 1)));
    int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
    List<SocketChannel> strangers = new ArrayList<>();
    try (Selector selector = Selector.open()) {
      for (int i = 0; i < STRANGERS; i++) {
        SocketChannel s = SocketChannel.open(server);
        s.configureBlocking(false);
        s.register(selector, SelectionKey.OP_READ);
        strangers.add(s);
      }
      Watch watch = new Watch(selector, STRANGERS);
      // the server has dealt with each once each got its challenge, or was closed
      watch.await(false);
      int threadsWhileHeld = ManagementFactory.getThreadMXBean().getThreadCount();
      assertTrue(threadsWhileHeld - threadsBefore < 20, "threads went from " + threadsBefore
          + " to " + threadsWhileHeld + " for " + STRANGERS + " idle strangers");
      if (bar >= 0) { // this machine's JVMs come in on the Unix socket, which has its own bound
        Lane local = Lane.open(address);
        assertNotNull(local, "a lane over the Unix domain socket opens while strangers wait");
        roundTrip(local);
        local.close();
      }
      // every stranger is closed by the server: at once beyond the bound, else at its deadline
      watch.await(true);
    } finally {
      for (SocketChannel s : strangers) {
        s.close();
      }
    }
    Lane lane = Lane.open(tcp);
    assertNotNull(lane, "a lane over TCP opens once the strangers' time is up");
    roundTrip(lane);
    lane.close();
  }

  private static void roundTrip(Lane lane) throws Exception {
    String path = QueueState.queue(0).publish("queue");
    long put = QueueClient.nextId();
    assertInstanceOf(QueueProtocol.Ok.class, lane.ask(path, put,
        new QueueProtocol.Put(put, new byte[] {9}, true, -1, null, null),
        new CompletableFuture<QueueProtocol.Reply>(), Duration.ofSeconds(30)));
    long get = QueueClient.nextId();
    QueueProtocol.Item item = assertInstanceOf(QueueProtocol.Item.class, lane.ask(path, get,
        new QueueProtocol.Get(get, true, -1, null, null),
        new CompletableFuture<QueueProtocol.Reply>(), Duration.ofSeconds(30)));
    assertEquals(9, item.item()[0]);
  }

  /** The strangers' side: which of them heard from the server, and which it closed. */
  private static final class Watch {
    final Selector selector;
    final int total;
    final Set<SocketChannel> heard = new HashSet<>();
    final Set<SocketChannel> closed = new HashSet<>();
    private final ByteBuffer sink = ByteBuffer.allocate(64);

    Watch(Selector selector, int total) {
      this.selector = selector;
      this.total = total;
    }

    /** Waits (at most 60 s) until the server answered each or closed it ({@code untilClosed}: until it closed each). */
    void await(boolean untilClosed) throws IOException {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while ((untilClosed ? closed.size() : heard.size()) < total) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          throw new AssertionError((total - (untilClosed ? closed : heard).size()) + " of "
              + total + " connections were never " + (untilClosed ? "closed" : "answered")
              + " by the server");
        }
        selector.select(left);
        for (SelectionKey key : selector.selectedKeys()) {
          SocketChannel s = (SocketChannel) key.channel();
          int n;
          try {
            sink.clear();
            n = s.read(sink);
          } catch (IOException e) {
            n = -1; // reset by the server
          }
          heard.add(s);
          if (n < 0) {
            key.cancel();
            closed.add(s);
          }
        }
        selector.selectedKeys().clear();
      }
    }
  }
}
