package io.multiproc.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A program's own Pekko settings stay its own: they do not reach multiproc's ActorSystem (not in
 * this JVM, not in its children); and when multiproc's ActorSystem cannot start, the operation
 * that needed it fails at once with the cause named, and so does the next one.
 */
class ConfigIsolationIT {

  @Test
  void programsOwnPekkoPort_busy_multiprocStillWorks() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = busy.getLocalPort();
      List<String> out = runProbe("-Dpekko.remote.artery.bind.port=" + port,
          "-Dpekko.remote.artery.canonical.port=" + port);
      assertEquals(List.of("queue ok", "lock ok", "child ok", "done"), out);
    }
  }

  @Test
  void multiprocArteryPort_busy_firstOperationFailsAtOnceNamingTheCause() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = busy.getLocalPort();
      List<String> out = runProbe(
          "-Dmultiproc.actor-system.pekko.remote.artery.canonical.port=" + port);
      assertEquals(3, out.size(), "queue, lock, done: " + out);
      for (int i = 0; i < 2; i++) {
        String line = out.get(i);
        assertTrue(line.startsWith((i == 0 ? "queue" : "lock") + " failed io.multiproc.ProcessError"),
            line);
        assertTrue(line.contains(String.valueOf(port)), "the cause names the port: " + line);
      }
      assertEquals("done", out.get(2));
    }
  }

  /**
   * Runs {@link ConfigProbe} with {@code properties}; its lines, read until "done". Each line
   * must come within 90 s: an operation that hangs fails the test.
   */
  private static List<String> runProbe(String... properties) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Dmultiproc.start-method=spawn"));
    command.addAll(List.of(properties));
    command.add(ConfigProbe.class.getName());
    java.lang.Process probe = new ProcessBuilder(command).redirectErrorStream(false).start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(probe.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          lines.add(line);
        }
      } catch (IOException e) {
        // the probe ended
      }
    });
    reader.setDaemon(true);
    reader.start();
    Thread errors = new Thread(() -> {
      try {
        probe.getErrorStream().transferTo(System.err); // drained, so the probe never blocks
      } catch (IOException e) {
        // the probe ended
      }
    });
    errors.setDaemon(true);
    errors.start();
    try {
      List<String> out = new ArrayList<>();
      while (out.isEmpty() || !out.get(out.size() - 1).equals("done")) {
        String line = lines.poll(90, TimeUnit.SECONDS);
        if (line == null) {
          throw new AssertionError("the probe gave no line within 90 s after " + out);
        }
        if (line.startsWith("queue ") || line.startsWith("lock ") || line.startsWith("child ")
            || line.equals("done")) {
          out.add(line);
        }
      }
      return out;
    } finally {
      probe.destroyForcibly();
      probe.waitFor(60, TimeUnit.SECONDS);
    }
  }
}
