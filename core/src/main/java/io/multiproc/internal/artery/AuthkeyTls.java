package io.multiproc.internal.artery;

import io.multiproc.internal.Authkey;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;
import org.apache.pekko.remote.artery.tcp.SSLEngineProvider;
import org.apache.pekko.remote.artery.tcp.SSLEngineProviderSetup;
import scala.Option;

/**
 * INTERNAL API. Artery's TLS, keyed by the authkey: every connection, in and out, is TLS 1.3 with
 * both sides presenting the certificate derived from the authkey ({@link AuthkeyCertificate}) and
 * trusting only that one ({@link PeerKeyTrustManager}). A peer without the authkey fails the
 * handshake, so none of its bytes reaches Pekko's framing or decoding; every JVM of the program
 * derives the same identity from the authkey it already has, on loopback as across hosts.
 *
 * <p>The SSLContext is made once per JVM. Its cold cost (the Ed25519 key, the certificate, JSSE's
 * start) is paid on a thread of its own while the ActorSystem boots ({@link #prepare()}).
 */
public final class AuthkeyTls implements SSLEngineProvider {
  private static final String[] PROTOCOLS = {"TLSv1.3"};
  private static volatile CompletableFuture<Context> context;

  /** The context and the identity it presents, made together. */
  private record Context(SSLContext ssl, AuthkeyCertificate identity) {}

  private final Context ctx;

  private AuthkeyTls(Context ctx) {
    this.ctx = ctx;
  }

  /**
   * The setup that makes an ActorSystem's Artery use this JVM's authkey TLS.
   *
   * @throws IllegalStateException (later, when Artery starts) when the key cannot be made
   */
  public static SSLEngineProviderSetup setup() {
    prepare();
    return SSLEngineProviderSetup.create(system -> new AuthkeyTls(context().join()));
  }

  /** Starts making the SSLContext in the background, once; the authkey must be known. */
  public static void prepare() {
    if (context == null) {
      synchronized (AuthkeyTls.class) {
        if (context == null) {
          byte[] key = Authkey.copy();
          context = CompletableFuture.supplyAsync(() -> make(key), runnable -> {
            Thread t = new Thread(runnable, "multiproc-tls-init");
            t.setDaemon(true);
            t.start();
          });
        }
      }
    }
  }

  private static CompletableFuture<Context> context() {
    prepare();
    return context;
  }

  /** A TLS 1.3 context whose only identity, offered and trusted, is {@code authkey}'s. */
  static SSLContext sslContext(byte[] authkey) {
    return make(authkey).ssl();
  }

  private static Context make(byte[] authkey) {
    AuthkeyCertificate identity = AuthkeyCertificate.derive(authkey);
    try {
      SSLContext ssl = SSLContext.getInstance("TLSv1.3");
      ssl.init(new KeyManager[] {new AuthkeyKeyManager(identity)},
          new TrustManager[] {new PeerKeyTrustManager(identity)}, new SecureRandom());
      return new Context(ssl, identity);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot run TLS 1.3 for Artery: " + e, e);
    }
  }

  /**
   * How many Artery peers this JVM refused: those whose certificate was not the authkey's, and
   * inbound connections whose TLS handshake failed (not TLS at all, or the peer refused this
   * JVM's certificate because it holds another key).
   */
  public static long refusedCount() {
    return PeerKeyTrustManager.refusedServerCount() + GuardedSSLEngine.failedCount();
  }

  @Override
  public SSLEngine createServerSSLEngine(String hostname, int port) {
    SSLEngine engine = ctx.ssl().createSSLEngine();
    engine.setUseClientMode(false);
    engine.setEnabledProtocols(PROTOCOLS);
    engine.setNeedClientAuth(true); // a client must prove the authkey as well
    return new GuardedSSLEngine(engine);
  }

  @Override
  public SSLEngine createClientSSLEngine(String hostname, int port) {
    SSLEngine engine = ctx.ssl().createSSLEngine(hostname, port);
    engine.setUseClientMode(true);
    engine.setEnabledProtocols(PROTOCOLS);
    return engine;
  }

  @Override
  public Option<Throwable> verifyClientSession(String hostname, SSLSession session) {
    return verify(session);
  }

  @Override
  public Option<Throwable> verifyServerSession(String hostname, SSLSession session) {
    return verify(session);
  }

  /** Checks once more, after the handshake, that the peer presented the authkey's key. */
  private Option<Throwable> verify(SSLSession session) {
    try {
      Certificate[] peer = session.getPeerCertificates();
      if (peer.length > 0 && peer[0] instanceof X509Certificate x
          && ctx.identity().isOurs(x)) {
        return Option.empty();
      }
    } catch (SSLPeerUnverifiedException e) {
      // falls through: a peer that presented no certificate is refused
    }
    return Option.apply(new SecurityException("the Artery peer does not hold this program's"
        + " authkey"));
  }
}
