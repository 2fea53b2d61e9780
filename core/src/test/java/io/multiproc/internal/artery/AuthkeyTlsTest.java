package io.multiproc.internal.artery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/**
 * The TLS identity made from an authkey: the same in every JVM that holds the key, and a TLS 1.3
 * handshake (over a real loopback socket) succeeds exactly between two holders of one key, and
 * fails whichever side holds another.
 */
class AuthkeyTlsTest {
  private static final byte[] KEY = key(1);
  private static final byte[] OTHER = key(2);

  private static byte[] key(int seed) {
    byte[] k = new byte[32];
    Arrays.fill(k, (byte) seed);
    return k;
  }

  @Test
  void derive_sameAuthkey_sameCertificate_otherAuthkey_otherKey() throws Exception {
    AuthkeyCertificate a = AuthkeyCertificate.derive(KEY);
    AuthkeyCertificate b = AuthkeyCertificate.derive(KEY.clone());
    assertArrayEquals(a.certificate().getEncoded(), b.certificate().getEncoded());
    AuthkeyCertificate other = AuthkeyCertificate.derive(OTHER);
    assertFalse(a.isOurs(other.certificate()));
    a.certificate().verify(a.certificate().getPublicKey()); // self-signed, well-formed
    assertEquals("CN=multiproc", a.certificate().getSubjectX500Principal().getName());
  }

  @Test
  void handshake_sameAuthkey_succeeds() throws Exception {
    assertEquals(42, exchange(KEY, KEY));
  }

  @Test
  void handshake_clientWithOtherAuthkey_fails() {
    assertThrows(SSLException.class, () -> exchange(KEY, OTHER));
  }

  @Test
  void handshake_serverWithOtherAuthkey_fails() {
    assertThrows(SSLException.class, () -> exchange(OTHER, KEY));
  }

  /** The server (client authentication required) sends one byte; what the client read. */
  private static int exchange(byte[] serverKey, byte[] clientKey) throws Exception {
    SSLContext server = AuthkeyTls.sslContext(serverKey);
    SSLContext client = AuthkeyTls.sslContext(clientKey);
    try (SSLServerSocket listening = (SSLServerSocket) server.getServerSocketFactory()
        .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      listening.setNeedClientAuth(true);
      listening.setEnabledProtocols(new String[] {"TLSv1.3"});
      CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
        try (SSLSocket s = (SSLSocket) listening.accept()) {
          s.setSoTimeout(30_000);
          s.getOutputStream().write(42);
          s.getOutputStream().flush();
          s.getInputStream().read();
        } catch (Exception e) {
          // the client sees the failure too; the test asserts there
        }
      });
      try (SSLSocket s = (SSLSocket) client.getSocketFactory()
          .createSocket(InetAddress.getLoopbackAddress(), listening.getLocalPort())) {
        s.setSoTimeout(30_000);
        s.setEnabledProtocols(new String[] {"TLSv1.3"});
        s.startHandshake();
        int b = s.getInputStream().read();
        s.getOutputStream().write(7);
        s.getOutputStream().flush();
        return b;
      } finally {
        served.get(60, TimeUnit.SECONDS);
      }
    }
  }
}
