package io.multiproc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

class SettingsTest {
  private static Settings with(String hocon) {
    return Settings.from(ConfigFactory.parseString(hocon).withFallback(ConfigFactory.load()));
  }

  @Test
  void defaults_areValid() {
    Settings s = Settings.load();
    assertEquals("auto", s.startMethod());
    assertEquals(2, s.forkserverSpares());
    assertTrue(s.pumpOutput());
    assertTrue(s.actorSystemConfig().getString("pekko.actor.provider").equals("remote"));
    assertEquals("127.0.0.1", s.actorSystemConfig().getString("pekko.remote.artery.canonical.hostname"));
  }

  @Test
  void unknownStartMethod_namesKeyAndChoices() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> with("multiproc.start-method = fork"));
    assertTrue(e.getMessage().contains("multiproc.start-method"), e.getMessage());
    assertTrue(e.getMessage().contains("spawn"), e.getMessage());
  }

  @Test
  void badOutputMode_rejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> with("multiproc.child.output = tee"));
    assertTrue(e.getMessage().contains("multiproc.child.output"), e.getMessage());
  }

  @Test
  void wrongType_reportedWithTheKey() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> with("multiproc.forkserver.spares = many"));
    assertTrue(e.getMessage().contains("forkserver.spares"), e.getMessage());
  }

  @Test
  void lanes_onByDefault_stayOnUnderArteryTls() {
    assertTrue(with("").lanes());
    assertFalse(with("multiproc.lanes = off").lanes());
    // Artery is always TLS now; lanes authenticate themselves, so TLS does not turn them off
    assertTrue(with("multiproc.actor-system.pekko.remote.artery.transport = tls-tcp").lanes());
  }

  @Test
  void arteryTransport_otherThanTls_refusedWithTheKey() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> with("multiproc.actor-system.pekko.remote.artery.transport = tcp"));
    assertTrue(e.getMessage().contains("multiproc.actor-system.pekko.remote.artery.transport"),
        e.getMessage());
  }

  @Test
  void actorSystemConfig_programsOwnPekkoSettings_doNotLeakIn() {
    Settings s = with("pekko.remote.artery.bind.port = 25520\n"
        + "pekko.loglevel = DEBUG\n"
        + "multiproc.actor-system.pekko.remote.artery.canonical.port = 25521");
    assertEquals("", s.actorSystemConfig().getString("pekko.remote.artery.bind.port"),
        "Pekko's default, not the program's setting");
    assertEquals("WARNING", s.actorSystemConfig().getString("pekko.loglevel"));
    assertEquals(25521, s.actorSystemConfig().getInt("pekko.remote.artery.canonical.port"),
        "what is under multiproc.actor-system applies");
  }

  @Test
  void actorSystemConfig_closesRemoteDeployment() {
    Settings s = Settings.load();
    assertTrue(s.actorSystemConfig().getBoolean("pekko.remote.deployment.enable-allow-list"));
    assertTrue(s.actorSystemConfig().getStringList("pekko.remote.deployment.allowed-actor-classes")
        .isEmpty());
    assertEquals("tls-tcp", s.actorSystemConfig().getString("pekko.remote.artery.transport"));
  }
}
