package io.multiproc.internal.artery;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * INTERNAL API. The TLS identity every JVM of one program shares, derived from the authkey alone:
 * an Ed25519 key pair whose private key is an HMAC of the authkey, and a self-signed certificate
 * for it. A child that received the authkey derives the very same, so nothing else has to be
 * delivered; a peer that presents this certificate's public key (and proves, by the handshake's
 * signature, that it holds the private key) holds the authkey.
 *
 * <p>Ed25519 signatures are deterministic, so every JVM builds the same certificate, byte for
 * byte. Failure: a JVM without Ed25519 (any JDK 15 or later has it) fails with the cause named.
 */
final class AuthkeyCertificate {
  /** What the authkey's HMAC is taken over; a new label would make new keys. */
  private static final byte[] LABEL =
      "multiproc artery tls ed25519 private key v1".getBytes(StandardCharsets.US_ASCII);
  private static final String ED25519_OID = "1.3.101.112";
  private static final String COMMON_NAME_OID = "2.5.4.3";

  private final PrivateKey privateKey;
  private final X509Certificate certificate;
  private final byte[] publicKey;

  private AuthkeyCertificate(PrivateKey privateKey, X509Certificate certificate) {
    this.privateKey = privateKey;
    this.certificate = certificate;
    this.publicKey = certificate.getPublicKey().getEncoded();
  }

  /** The identity of the program whose authkey is {@code authkey}. */
  static AuthkeyCertificate derive(byte[] authkey) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(authkey, "HmacSHA256"));
      byte[] seed = mac.doFinal(LABEL);
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      // an Ed25519 private key is 32 random bytes; the generator draws exactly those
      generator.initialize(NamedParameterSpec.ED25519, new Seed(seed));
      KeyPair pair = generator.generateKeyPair();
      Arrays.fill(seed, (byte) 0);
      return new AuthkeyCertificate(pair.getPrivate(), selfSigned(pair));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make the TLS key for Artery from the authkey: " + e
          + " (multiproc needs a JDK with Ed25519, 15 or later)", e);
    }
  }

  PrivateKey privateKey() {
    return privateKey;
  }

  X509Certificate certificate() {
    return certificate;
  }

  /** Whether {@code peer} is this program's certificate's key (its X.509 encoding). */
  boolean isOurs(X509Certificate peer) {
    return peer != null && Arrays.equals(publicKey, peer.getPublicKey().getEncoded());
  }

  /** A version 1 certificate, its subject and issuer "CN=multiproc", valid 2000 to 9999. */
  private static X509Certificate selfSigned(KeyPair pair) throws GeneralSecurityException {
    byte[] algorithm = Der.sequence(Der.oid(ED25519_OID)); // Ed25519 has no parameters
    byte[] name = Der.sequence(Der.set(Der.sequence(Der.oid(COMMON_NAME_OID),
        Der.utf8("multiproc"))));
    byte[] tbs = Der.sequence(
        Der.integer(1),
        algorithm,
        name,
        Der.sequence(Der.utcTime("000101000000Z"), Der.generalizedTime("99991231235959Z")),
        name,
        pair.getPublic().getEncoded()); // already a SubjectPublicKeyInfo
    Signature signer = Signature.getInstance("Ed25519");
    signer.initSign(pair.getPrivate());
    signer.update(tbs);
    byte[] der = Der.sequence(tbs, algorithm, Der.bitString(signer.sign()));
    return (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(der));
  }

  /** A "random" source that yields the given bytes once: the private key's seed. */
  private static final class Seed extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private transient byte[] bytes;

    Seed(byte[] bytes) {
      this.bytes = bytes.clone();
    }

    @Override
    public synchronized void nextBytes(byte[] out) {
      if (bytes == null || out.length != bytes.length) {
        throw new IllegalStateException("the Ed25519 generator asked for other bytes than a seed");
      }
      System.arraycopy(bytes, 0, out, 0, out.length);
      Arrays.fill(bytes, (byte) 0);
      bytes = null;
    }
  }
}
