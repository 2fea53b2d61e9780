package io.multiproc.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiproc.internal.Authkey;
import io.multiproc.internal.ProcessRuntime;
import io.multiproc.internal.artery.AuthkeyTls;
import io.multiproc.internal.wire.WireSerializer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A child JVM that holds the wrong authkey is refused: Artery's TLS handshake fails (its key is
 * made from the authkey), so its Hello never reaches a decoder; it is never registered, and it
 * gives up and exits with status 2.
 */
class AuthenticationIT {

  @Test
  void wrongAuthkey_refusedBeforeDecoding_childExitsWithStatus2() throws Exception {
    JvmLauncher launcher = new JvmLauncher(ProcessRuntime.settings());
    byte[] wrong = Authkey.copy();
    wrong[0] ^= 0x5a;
    long refusedBefore = WireSerializer.refusedCount() + AuthkeyTls.refusedCount();
    JvmChild child = launcher.launch(wrong, List.of("-Dmultiproc.child.register-timeout=4s"), true);
    try {
      int code = child.exit().get(120, TimeUnit.SECONDS);
      assertEquals(ChildMain.EXIT_AUTH, code, "the child gave up on registration");
      assertFalse(child.registered().isDone(), "a refused child is never registered");
      // Artery's TLS refuses the child before a message of it is read (it used to be refused
      // by its signature, when Artery was plain TCP): counted either way
      assertTrue(WireSerializer.refusedCount() + AuthkeyTls.refusedCount() > refusedBefore,
          "this JVM counted the refused peer");
    } finally {
      child.os().destroyForcibly();
    }
  }

  @Test
  void rightAuthkey_registers() throws Exception {
    JvmLauncher launcher = new JvmLauncher(ProcessRuntime.settings());
    JvmChild child = launcher.launch(true);
    try {
      assertEquals(child.pid(), child.registered().get(120, TimeUnit.SECONDS).pid());
    } finally {
      child.os().destroyForcibly();
      child.exit().get(60, TimeUnit.SECONDS);
    }
  }
}
