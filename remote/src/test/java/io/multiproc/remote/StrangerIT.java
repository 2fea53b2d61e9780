package io.multiproc.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.ActorIdentity;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.AddressFromURIString;
import org.apache.pekko.actor.Deploy;
import org.apache.pekko.actor.Identify;
import org.apache.pekko.actor.PoisonPill;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.apache.pekko.remote.RemoteScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A stranger on the same machine, who knows a multiproc JVM's Artery port (as {@code ss} shows
 * it) and even the paths of its actors but not the authkey, gets nowhere: a Pekko ActorSystem of
 * its own finds no actor, stops none, deploys none; a crafted Artery header neither floods the
 * victim's log nor keeps it busy. The victim is a real multiproc JVM ({@link ArteryVictim}, lanes
 * off so that its child's round trip goes over Artery), which goes on working.
 */
class StrangerIT {
  private java.lang.Process victim;
  private PrintStream commands;
  private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
  private final AtomicInteger logLines = new AtomicInteger();
  private final List<String> firstLogLines = java.util.Collections.synchronizedList(
      new ArrayList<>());
  private final Map<String, String> facts = new HashMap<>();

  @BeforeEach
  void startVictim() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    victim = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "-Dmultiproc.lanes=off", "-Dmultiproc.start-method=spawn", ArteryVictim.class.getName())
        .start();
    commands = new PrintStream(victim.getOutputStream(), true, StandardCharsets.UTF_8);
    pump(victim.getInputStream(), true);
    pump(victim.getErrorStream(), false);
    for (String line; !(line = answer()).equals("ready"); ) {
      int space = line.indexOf(' ');
      facts.put(line.substring(0, space), line.substring(space + 1));
    }
  }

  @AfterEach
  void stopVictim() throws Exception {
    if (victim != null) {
      commands.close(); // its standard input ends: it ends
      if (!victim.waitFor(60, TimeUnit.SECONDS)) {
        victim.destroyForcibly();
        victim.waitFor(60, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void foreignActorSystem_withoutAuthkey_findsNothingStopsNothingDeploysNothing() throws Exception {
    Address address = AddressFromURIString.parse("pekko://multiproc@127.0.0.1:"
        + facts.get("port"));
    Config plain = ConfigFactory.parseString("""
        pekko.loglevel = ERROR
        pekko.stdout-loglevel = ERROR
        pekko.actor.provider = remote
        pekko.remote.use-unsafe-remote-features-outside-cluster = on
        pekko.remote.warn-unsafe-watch-outside-cluster = off
        pekko.remote.artery.transport = tcp
        pekko.remote.artery.canonical.hostname = "127.0.0.1"
        pekko.remote.artery.canonical.port = 0
        """).withFallback(ConfigFactory.defaultReference());
    ActorSystem foreign = ActorSystem.create("foreign", plain);
    try {
      List<String> targets = List.of(facts.get("registry"), facts.get("queue"), facts.get("lock"),
          facts.get("gateway"), address + "/system/remote-watcher", address + "/user");
      List<CompletableFuture<Boolean>> found = new ArrayList<>();
      for (String path : targets) {
        found.add(identify(foreign, path));
      }
      for (int i = 0; i < targets.size(); i++) {
        assertFalse(found.get(i).get(60, TimeUnit.SECONDS), "a stranger found " + targets.get(i));
      }
      for (String path : List.of(facts.get("queue"), facts.get("lock"), facts.get("gateway"))) {
        foreign.actorSelection(path).tell(PoisonPill.getInstance(), ActorRef.noSender());
      }
      ActorRef planted = foreign.actorOf(Props.create(ArteryVictim.Planted.class)
          .withDeploy(new Deploy(new RemoteScope(address))), "planted");
      // answered only where the stranger got through: then after the poison and the deployment
      CompletableFuture<Boolean> plantedFound = identify(foreign, planted.path().toString());
      CompletableFuture<Boolean> lockFound = identify(foreign, facts.get("lock"));
      plantedFound.get(60, TimeUnit.SECONDS);
      lockFound.get(60, TimeUnit.SECONDS);
    } finally {
      foreign.terminate();
      foreign.getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
    assertEquals("planted false", ask("planted"), "no constructor ran in the victim");
    assertEquals("alive true true", ask("alive"),
        "the queue and the lock, and the gateway that reaches them, live");
    assertEquals("roundtrip true 0", ask("roundtrip"), "the queue and the lock still work");
  }

  @Test
  void craftedArteryHeader_victimKeepsWorking_logStaysSmall() throws Exception {
    int linesBefore = logLines.get();
    byte[] junk = new byte[4096];
    new Random(9).nextBytes(junk);
    try (Socket s = new Socket(InetAddress.getByName("127.0.0.1"),
        Integer.parseInt(facts.get("port")))) {
      OutputStream out = s.getOutputStream();
      // Artery's TCP connection header ("AKKA", stream id 1), then a frame claiming 2 GiB
      out.write(new byte[] {'A', 'K', 'K', 'A', 1, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f});
      out.write(junk);
      out.flush();
      s.setSoTimeout(30_000);
      try {
        while (s.getInputStream().read() >= 0) {
          // whatever the victim answers, until it closes the connection
        }
      } catch (IOException e) {
        // reset or timed out: the connection is over either way
      }
    }
    assertEquals("roundtrip true 0", ask("roundtrip"), "the victim still works over Artery");
    long cpuBefore = Long.parseLong(ask("cpu").substring(4));
    long wallBefore = System.nanoTime();
    Thread.sleep(3000); // the interval over which the victim's CPU use is measured
    long cpu = Long.parseLong(ask("cpu").substring(4)) - cpuBefore;
    long wall = System.nanoTime() - wallBefore;
    assertTrue(cpu < wall / 4, "the victim kept busy after the connection closed: "
        + cpu / 1_000_000 + " ms of CPU in " + wall / 1_000_000 + " ms");
    int lines = logLines.get() - linesBefore;
    assertTrue(lines <= 20, lines + " log lines for one crafted connection: " + firstLogLines);
  }

  private static CompletableFuture<Boolean> identify(ActorSystem system, String path) {
    return Patterns.ask(system.actorSelection(path), new Identify(path), Duration.ofSeconds(15))
        .toCompletableFuture()
        .handle((answer, failure) -> failure == null
            && ((ActorIdentity) answer).getActorRef().isPresent());
  }

  /** Sends a command to the victim; its answer. */
  private String ask(String command) throws InterruptedException {
    commands.println(command);
    return answer();
  }

  private String answer() throws InterruptedException {
    String line = answers.poll(180, TimeUnit.SECONDS);
    if (line == null) {
      throw new AssertionError("the victim did not answer within 180 s; its log: "
          + firstLogLines);
    }
    return line;
  }

  /** Reads the victim's output: its answers (known first words) or log lines, counted. */
  private void pump(java.io.InputStream stream, boolean stdout) {
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(stream,
          StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          String first = line.split(" ", 2)[0];
          if (stdout && List.of("port", "registry", "queue", "lock", "gateway", "ready", "roundtrip",
              "alive", "planted", "cpu", "unknown").contains(first)) {
            answers.add(line);
          } else {
            if (logLines.incrementAndGet() <= 200) { // echoed in part: a flood would be gigabytes
              System.err.println("victim: " + line);
            }
            if (firstLogLines.size() < 40) {
              firstLogLines.add(line);
            }
          }
        }
      } catch (IOException e) {
        // the victim ended
      }
    }, "victim-" + (stdout ? "out" : "err"));
    t.setDaemon(true);
    t.start();
  }
}
