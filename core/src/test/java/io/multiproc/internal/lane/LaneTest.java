package io.multiproc.internal.lane;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiproc.ProcessError;
import io.multiproc.internal.queue.QueueProtocol;
import io.multiproc.internal.queue.QueueClient;
import io.multiproc.internal.queue.QueueState;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lanes in one JVM: a lane to this JVM's own lane server is a real socket with a real handshake,
 * so what a child JVM does over it can be checked here.
 */
class LaneTest {

  private static QueueProtocol.Reply ask(Lane lane, String path, long id, QueueProtocol.Command c)
      throws Exception {
    return lane.ask(path, id, c, new CompletableFuture<QueueProtocol.Reply>(), Duration.ofSeconds(30));
  }

  /** Puts a one-byte item over {@code lane}; returns the answer. */
  private static QueueProtocol.Reply put(Lane lane, String path, int b) throws Exception {
    long id = QueueClient.nextId();
    return ask(lane, path, id, new QueueProtocol.Put(id, new byte[] {(byte) b}, true, -1, null, null));
  }

  /** Gets over {@code lane}, waiting for an item; returns the answer. */
  private static QueueProtocol.Reply get(Lane lane, String path) throws Exception {
    long id = QueueClient.nextId();
    return ask(lane, path, id, new QueueProtocol.Get(id, true, -1, null, null));
  }

  /** Makes request {@code c} from a thread of this JVM; returns its answer. */
  private static QueueProtocol.Reply local(QueueState state, QueueProtocol.Command c) throws Exception {
    CompletableFuture<QueueProtocol.Reply> reply = new CompletableFuture<>();
    state.handle(c, reply::complete, QueueState.LOCAL);
    return reply.get(30, TimeUnit.SECONDS);
  }

  /** Waits until {@code state} has a getter waiting. */
  private static void awaitWaitingGetter(QueueState state) throws Exception {
    for (int i = 0; i < 3000; i++) {
      QueueProtocol.Reply sizes = local(state, new QueueProtocol.Size(QueueClient.nextId(), null));
      if (((QueueProtocol.Sizes) sizes).waitingGetters() > 0) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no getter came to wait within 30 s");
  }

  @Test
  void request_overLane_reachesTheState() throws Exception {
    String path = QueueState.queue(0).publish("queue");
    Lane lane = Lane.to(LaneServer.address());
    assertNotNull(lane, "lanes are on by default");
    assertInstanceOf(QueueProtocol.Ok.class, put(lane, path, 7));
    QueueProtocol.Item item = assertInstanceOf(QueueProtocol.Item.class, get(lane, path));
    assertEquals(7, item.item()[0]);
  }

  @Test
  void laneClosed_itemHandedOutButNotTaken_goesBackToTheHead() throws Exception {
    QueueState state = QueueState.queue(0);
    String path = state.publish("queue");
    Lane lane = Lane.to(LaneServer.address());
    put(lane, path, 1);
    assertInstanceOf(QueueProtocol.Item.class, get(lane, path));
    lane.close(); // as the JVM holding the lane would be killed: it never confirmed the item
    QueueProtocol.Item back = assertInstanceOf(QueueProtocol.Item.class,
        local(state, new QueueProtocol.Get(QueueClient.nextId(), true, -1, null, null)));
    assertEquals(1, back.item()[0]);
  }

  @Test
  void laneClosed_waitingRequestFails_insteadOfHanging() throws Exception {
    QueueState state = QueueState.queue(0);
    String path = state.publish("queue");
    Lane lane = Lane.to(LaneServer.address());
    long get = QueueClient.nextId();
    CompletableFuture<QueueProtocol.Reply> reply = CompletableFuture.supplyAsync(() -> {
      try {
        return lane.ask(path, get, new QueueProtocol.Get(get, true, -1, null, null),
            new CompletableFuture<QueueProtocol.Reply>(), null);
      } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
        throw new IllegalStateException(e);
      }
    });
    awaitWaitingGetter(state);
    lane.close();
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> reply.get(30, TimeUnit.SECONDS));
    assertInstanceOf(ProcessError.class, e.getCause());
  }

  /** This JVM's lane address without its Unix domain socket: reached over TCP. */
  private static String tcpOnly() {
    String address = LaneServer.address();
    int bar = address.indexOf(LaneServer.UNIX_SEPARATOR);
    return bar < 0 ? address : address.substring(0, bar);
  }

  @Test
  void sameMachine_laneIsAUnixDomainSocket() {
    assertTrue(LaneServer.address().indexOf(LaneServer.UNIX_SEPARATOR) > 0,
        "the lane server listens on a Unix domain socket too: " + LaneServer.address());
    assertTrue(Lane.to(LaneServer.address()).overUnixSocket());
    assertFalse(Lane.to(tcpOnly()).overUnixSocket());
  }

  @ParameterizedTest(name = "unix={0}")
  @ValueSource(booleans = {true, false})
  void bigItems_overLane_arriveWhole(boolean unix) throws Exception {
    String path = QueueState.queue(0).publish("queue");
    Lane lane = Lane.to(unix ? LaneServer.address() : tcpOnly());
    java.util.Random random = new java.util.Random(42);
    byte[][] items = new byte[3][];
    for (int i = 0; i < items.length; i++) {
      items[i] = new byte[(i + 1) * 3 * 1024 * 1024 + i]; // bigger than any buffer on the way
      random.nextBytes(items[i]);
      lane.tell(path, new QueueProtocol.Put(QueueClient.nextId(), items[i], true, -1, null, null));
    }
    for (byte[] item : items) {
      QueueProtocol.Item got = assertInstanceOf(QueueProtocol.Item.class, get(lane, path));
      assertArrayEquals(item, got.item());
    }
  }

  @ParameterizedTest(name = "unix={0}")
  @ValueSource(booleans = {true, false})
  void wrongAuthkey_refusedBeforeAnythingIsDecoded(boolean unix) throws IOException {
    String address = LaneServer.address();
    int bar = address.indexOf(LaneServer.UNIX_SEPARATOR);
    long before = LaneSocket.refusedCount();
    try (SocketChannel s = unix
        ? SocketChannel.open(UnixDomainSocketAddress.of(address.substring(bar + 1)))
        : SocketChannel.open(tcpAddress(tcpOnly()))) {
      InputStream in = Channels.newInputStream(s);
      OutputStream out = Channels.newOutputStream(s);
      new DataInputStream(in).readFully(new byte[32]); // the challenge
      // a wrong answer, a challenge of our own and a frame (never decoded), in one write: the
      // server may close as soon as it read the answer, and a second write would then fail
      byte[] hello = java.util.Arrays.copyOf(new byte[64], 73);
      System.arraycopy(new byte[] {0, 0, 0, 5, 'R', 0, 0, 0, 0}, 0, hello, 64, 9);
      out.write(hello);
      int answer;
      try {
        answer = in.read();
      } catch (IOException e) { // reset, when the server closed with bytes of ours unread
        answer = -1;
      }
      assertEquals(-1, answer, "the server closes the connection without answering");
    }
    assertTrue(LaneSocket.refusedCount() > before);
  }

  private static InetSocketAddress tcpAddress(String address) {
    int colon = address.lastIndexOf(':');
    return new InetSocketAddress(address.substring(0, colon),
        Integer.parseInt(address.substring(colon + 1)));
  }
}
