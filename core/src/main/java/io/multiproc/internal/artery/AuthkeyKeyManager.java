package io.multiproc.internal.artery;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * INTERNAL API. Offers the one key of this program's TLS identity, as server and as client. It
 * stands in for a KeyManagerFactory over a PKCS12 key store, which would encrypt the key under a
 * password (a slow key derivation) only to decrypt it again, on every JVM's start, for nothing.
 */
final class AuthkeyKeyManager extends X509ExtendedKeyManager {
  private static final String ALIAS = "multiproc";
  /** The names JSSE gives an Ed25519 key's type. */
  private static final Set<String> KEY_TYPES = Set.of("EdDSA", "Ed25519");
  private final AuthkeyCertificate ours;

  AuthkeyKeyManager(AuthkeyCertificate ours) {
    this.ours = ours;
  }

  private static String alias(String keyType) {
    return keyType != null && KEY_TYPES.contains(keyType) ? ALIAS : null;
  }

  private static String alias(String[] keyTypes) {
    if (keyTypes != null) {
      for (String t : keyTypes) {
        if (alias(t) != null) {
          return ALIAS;
        }
      }
    }
    return null;
  }

  @Override
  public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
    return alias(keyType);
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return alias(keyType);
  }

  @Override
  public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
    return alias(keyType);
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return alias(keyType);
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return alias(keyType) == null ? null : new String[] {ALIAS};
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return getClientAliases(keyType, issuers);
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return ALIAS.equals(alias) ? new X509Certificate[] {ours.certificate()} : null;
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return ALIAS.equals(alias) ? ours.privateKey() : null;
  }
}
