package io.multiproc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/** What Pipe and Connection owe a user under every start method. */
public abstract class PipeContract extends StartMethodContract {

  static void sendTwoAndClose(Connection conn) {
    conn.send(Arrays.asList(42, null, "hello from child1"));
    conn.send(Arrays.asList(42, null, "hello from child2"));
    conn.close();
  }

  static void sendTwoThenEcho(Connection conn) throws EOFException {
    conn.send("one");
    conn.send("two");
    conn.send("echo " + conn.recv());
    conn.close();
  }

  static void sendAndEnd(Connection conn, Integer n) {
    for (int i = 0; i < n; i++) {
      conn.send(i);
    }
    // ends without closing: the end of the process closes its copy
  }

  static void sendThenHang(Connection conn) throws InterruptedException {
    conn.send("before the kill");
    Thread.sleep(Long.MAX_VALUE);
  }

  static void echoAll(Connection conn) throws EOFException {
    try {
      while (true) {
        conn.send(conn.recv());
      }
    } catch (EOFException e) {
      conn.close();
    }
  }

  @Test
  void duplex_bothDirections() throws Exception {
    Pipe pipe = Pipe.open();
    Process p = ctx().process(PipeContract::sendTwoThenEcho, pipe.right());
    p.start();
    assertEquals("one", pipe.left().recv());
    assertEquals("two", pipe.left().recv());
    pipe.left().send("data from parent_conn");
    assertEquals("echo data from parent_conn", pipe.left().recv());
    p.join();
    assertEquals(0, p.exitcode());
  }

  @Test
  void eof_afterEveryCopyOfTheOtherEndClosed_andTheDataDrained() throws Exception {
    Pipe pipe = Pipe.open();
    Process p = ctx().process(PipeContract::sendTwoAndClose, pipe.right());
    p.start();
    pipe.right().close(); // the parent's copy: now only the child's copy keeps the end open
    assertEquals(Arrays.asList(42, null, "hello from child1"), pipe.left().recv());
    assertEquals(Arrays.asList(42, null, "hello from child2"), pipe.left().recv());
    assertThrows(EOFException.class, pipe.left()::recv);
    assertTrue(pipe.left().poll(), "the end of the stream can be received at once");
    p.join();
  }

  @Test
  void openCopyInParent_noEof_recvWouldWait() {
    Pipe pipe = Pipe.open();
    Process p = ctx().process(PipeContract::sendTwoAndClose, pipe.right());
    p.start();
    p.join();
    // the parent still holds its copy of the right end, as in CPython: no end of stream
    assertTrue(pipe.left().poll(Duration.ofSeconds(5)));
    try {
      pipe.left().recv();
      pipe.left().recv();
    } catch (EOFException e) {
      throw new AssertionError(e);
    }
    assertFalse(pipe.left().poll(Duration.ofMillis(200)), "nothing more, and no end of stream");
    pipe.right().close();
    assertTrue(pipe.left().poll(Duration.ofSeconds(30)), "closing the last copy ends the stream");
  }

  @Test
  void processEndsWithoutClosing_itsCopyCloses() throws Exception {
    if (threads()) {
      return; // a thread's end closes nothing: only a process ending closes its copies
    }
    Pipe pipe = Pipe.open(false);
    Process p = ctx().process(PipeContract::sendAndEnd, pipe.right(), 3);
    p.start();
    pipe.right().close();
    for (int i = 0; i < 3; i++) {
      assertEquals(i, pipe.left().recv());
    }
    assertThrows(EOFException.class, pipe.left()::recv);
    p.join();
  }

  @Test
  void writerKilled_eofAfterTheDataAlreadySent() throws Exception {
    if (threads()) {
      return;
    }
    Pipe pipe = Pipe.open(false);
    Process p = ctx().process(PipeContract::sendThenHang, pipe.right());
    p.start();
    pipe.right().close();
    assertEquals("before the kill", pipe.left().recv());
    p.kill();
    p.join();
    assertThrows(EOFException.class, pipe.left()::recv); // once the death is noticed
  }

  @Test
  void oneWay_refusesTheWrongDirection() {
    Pipe pipe = Pipe.open(false);
    assertFalse(pipe.left().writable());
    assertFalse(pipe.right().readable());
    assertThrows(IllegalStateException.class, () -> pipe.left().send("x"));
    assertThrows(IllegalStateException.class, pipe.right()::recv);
    pipe.right().send("ok");
    assertTrue(pipe.left().poll(Duration.ofSeconds(10)));
    pipe.left().close();
    pipe.right().close();
    assertThrows(IllegalStateException.class, () -> pipe.right().send("closed"));
  }

  @Test
  void poll_falseWhenNothing_trueOnceSent() throws Exception {
    try (Connection a = Pipe.open().left()) {
      assertFalse(a.poll());
      assertFalse(a.poll(Duration.ofMillis(100)));
    }
    Pipe pipe = Pipe.open();
    pipe.right().send(1);
    assertTrue(pipe.left().poll(Duration.ofSeconds(10)));
    assertEquals(1, pipe.left().recv());
  }

  @Test
  void bytes_sendRecv_intoTooShortBuffer_keepsTheMessage() throws Exception {
    Pipe pipe = Pipe.open();
    pipe.right().sendBytes("hello world".getBytes(), 6, 5);
    assertArrayEquals("world".getBytes(), pipe.left().recvBytes());
    pipe.right().sendBytes(new byte[10]);
    byte[] small = new byte[4];
    BufferTooShort e = assertThrows(BufferTooShort.class, () -> pipe.left().recvBytesInto(small, 0));
    assertEquals(10, e.message().length);
    pipe.right().sendBytes(new byte[] {1, 2});
    byte[] room = new byte[5];
    assertEquals(2, pipe.left().recvBytesInto(room, 3));
    assertArrayEquals(new byte[] {0, 0, 0, 1, 2}, room);
  }

  @Test
  void recvBytes_negativeMaxlength_refusedBeforeReading_messageStays() throws Exception {
    Pipe pipe = Pipe.open();
    pipe.right().sendBytes("kept".getBytes());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> pipe.left().recvBytes(-1));
    assertTrue(e.getMessage().contains("-1"), e.getMessage());
    assertArrayEquals("kept".getBytes(), pipe.left().recvBytes(4));
  }

  @Test
  void unsendable_failsInSend_pipeStaysUsable() throws Exception {
    Pipe pipe = Pipe.open();
    PicklingError e = assertThrows(PicklingError.class, () -> pipe.right().send(new ReentrantLock()));
    assertTrue(e.getMessage().contains("ReentrantLock"), e.getMessage());
    pipe.right().send(List.of("fine"));
    assertEquals(List.of("fine"), pipe.left().recv());
  }

  @Test
  void bigMessage_32MiB_toAChildAndBack() throws Exception {
    Pipe pipe = Pipe.open();
    Process p = ctx().process(PipeContract::echoAll, pipe.right());
    p.start();
    pipe.right().close();
    byte[] big = new byte[32 * 1024 * 1024 + 3];
    for (int i = 0; i < big.length; i += 4099) {
      big[i] = (byte) i;
    }
    pipe.left().send(big);
    assertArrayEquals(big, (byte[]) pipe.left().recv());
    pipe.left().close();
    p.join();
    assertEquals(0, p.exitcode());
  }

  static void receiveOneThenHang(Connection conn, Queue<String> ready) throws Exception {
    ready.put("received " + conn.recv());
    new java.util.concurrent.CountDownLatch(1).await(); // ended by the test
  }

  static void sendUntilBroken(Connection conn, Queue<String> report) {
    try {
      for (int i = 0; i < 100_000; i++) {
        conn.send(new byte[1024]);
      }
      report.put("never broken");
    } catch (BrokenPipeError e) {
      report.put("broken: " + e.getMessage());
    }
  }

  static void sendMany(Connection conn, Integer n, Queue<String> report) {
    byte[] chunk = new byte[64 * 1024];
    for (int i = 0; i < n; i++) {
      conn.send(chunk);
    }
    report.put("sent all");
  }

  @Test
  void readerKilled_sendFailsWithBrokenPipe_heapStaysFlat() throws Exception {
    if (threads()) {
      return;
    }
    Pipe pipe = Pipe.open(false);
    Queue<String> ready = new Queue<>();
    Process p = ctx().process(PipeContract::receiveOneThenHang, pipe.left(), ready);
    p.start();
    pipe.left().close(); // the child holds the only receiving copy now
    pipe.right().send("first");
    assertEquals("received first", ready.get());
    p.kill();
    p.join();
    // 100 MB if nothing stopped it; the buffer (1 MiB) fills, then the death breaks the pipe
    BrokenPipeError e = assertThrows(BrokenPipeError.class, () -> {
      for (int i = 0; i < 100_000; i++) {
        pipe.right().send(new byte[1024]);
      }
    });
    assertTrue(e.getMessage().contains("broken pipe"), e.getMessage());
    assertThrows(BrokenPipeError.class, () -> pipe.right().send("again"));
  }

  @Test
  void readerClosedEveryCopy_senderInAChild_failsWithBrokenPipe() throws Exception {
    Pipe pipe = Pipe.open(false);
    Queue<String> report = new Queue<>();
    pipe.left().close(); // nobody can receive any more
    Process p = ctx().process(PipeContract::sendUntilBroken, pipe.right(), report);
    p.start();
    pipe.right().close();
    String r = report.get(true, Duration.ofSeconds(120));
    assertTrue(r.startsWith("broken: broken pipe"), r);
    p.join();
    assertEquals(0, p.exitcode());
  }

  @Test
  void slowReader_senderWaitsForRoom_thenEverythingArrives() throws Exception {
    Pipe pipe = Pipe.open(false);
    Queue<String> report = new Queue<>();
    int n = 200; // 12.5 MiB against the 1 MiB the receiving end holds
    Process p = ctx().process(PipeContract::sendMany, pipe.right(), n, report);
    p.start();
    pipe.right().close();
    // nobody receives yet: the sender fills the buffer and then waits, it cannot be done
    assertThrows(Queue.Empty.class, () -> report.get(true, Duration.ofSeconds(3)),
        "the sender ran ahead of its reader without bound");
    for (int i = 0; i < n; i++) {
      assertEquals(64 * 1024, ((byte[]) pipe.left().recv()).length);
    }
    assertEquals("sent all", report.get(true, Duration.ofSeconds(120)));
    p.join();
    assertEquals(0, p.exitcode());
  }
}
