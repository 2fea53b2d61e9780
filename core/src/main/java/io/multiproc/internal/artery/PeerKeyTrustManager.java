package io.multiproc.internal.artery;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * INTERNAL API. Trusts exactly one peer identity, this program's: a peer whose leaf certificate
 * carries the public key derived from the authkey. Used both ways (a server trusts only such
 * clients, a client only such servers); TLS itself makes the peer prove it holds the matching
 * private key. No chain, name, date or revocation is looked at: a certificate is trusted for its
 * key, and every other key is refused before a byte of the peer's application data is read.
 */
final class PeerKeyTrustManager extends X509ExtendedTrustManager {
  private static final AtomicLong REFUSED = new AtomicLong();
  private final AuthkeyCertificate ours;

  PeerKeyTrustManager(AuthkeyCertificate ours) {
    this.ours = ours;
  }

  /**
   * How many servers this JVM refused because they did not hold the authkey (a refused client
   * fails its handshake, which {@link GuardedSSLEngine} counts).
   */
  static long refusedServerCount() {
    return REFUSED.get();
  }

  private void check(X509Certificate[] chain, boolean server) throws CertificateException {
    if (chain == null || chain.length == 0 || !ours.isOurs(chain[0])) {
      if (server) {
        REFUSED.incrementAndGet();
      }
      throw new CertificateException("the peer does not hold this program's authkey");
    }
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    check(chain, false);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    check(chain, true);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    check(chain, false);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    check(chain, true);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    check(chain, false);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    check(chain, true);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[] {ours.certificate()};
  }
}
