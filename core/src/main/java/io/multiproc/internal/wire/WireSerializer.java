package io.multiproc.internal.wire;

import io.multiproc.internal.Authkey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.serialization.JSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * INTERNAL API. Pekko serializer for every {@link Wire} message: the message's bytes are preceded by
 * an HMAC-SHA256 tag keyed with the program's authkey, and an incoming message whose tag does not
 * match is refused before a single byte of it is decoded.
 */
public final class WireSerializer extends JSerializer {
  /** Pekko serializer id; ids up to 40 are Pekko's own. */
  public static final int IDENTIFIER = 7_317_040;
  static final int TAG_BYTES = 16;
  private static final Logger LOG = LoggerFactory.getLogger(WireSerializer.class);
  private static final AtomicLong REFUSED = new AtomicLong();
  private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(WireSerializer::newMac);

  private final Codec.Refs refs;

  /** Created by Pekko's serialization extension. */
  public WireSerializer(ExtendedActorSystem system) {
    this.refs = new ArteryRefs(system);
  }

  /** How many incoming messages this JVM refused because their tag did not match. */
  public static long refusedCount() {
    return REFUSED.get();
  }

  @Override
  public int identifier() {
    return IDENTIFIER;
  }

  @Override
  public boolean includeManifest() {
    return false;
  }

  @Override
  public byte[] toBinary(Object o) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(TAG_BYTES + Codecs.sizeHint(o));
    out.write(new byte[TAG_BYTES], 0, TAG_BYTES);
    Codecs.writeAny(o, out, refs);
    byte[] frame = out.toByteArray();
    Mac mac = MAC.get();
    mac.update(frame, TAG_BYTES, frame.length - TAG_BYTES);
    System.arraycopy(mac.doFinal(), 0, frame, 0, TAG_BYTES);
    return frame;
  }

  @Override
  public Object fromBinaryJava(byte[] frame, Class<?> manifest) {
    if (!authentic(frame)) {
      long n = REFUSED.incrementAndGet();
      LOG.warn("refused a message of {} bytes that was not signed with this program's authkey"
          + " ({} refused so far); it was not decoded", frame.length, n);
      throw new SecurityException("message refused: authkey check failed");
    }
    try {
      return Codecs.read(frame, TAG_BYTES, refs);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot decode a multiproc message: " + e, e);
    }
  }

  private static boolean authentic(byte[] frame) {
    if (frame.length <= TAG_BYTES) {
      return false;
    }
    Mac mac = MAC.get();
    mac.update(frame, TAG_BYTES, frame.length - TAG_BYTES);
    byte[] expected = Arrays.copyOf(mac.doFinal(), TAG_BYTES);
    return MessageDigest.isEqual(expected, Arrays.copyOf(frame, TAG_BYTES));
  }

  private static Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Authkey.get(), "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }
}
