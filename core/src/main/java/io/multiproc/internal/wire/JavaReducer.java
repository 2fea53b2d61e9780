package io.multiproc.internal.wire;

import io.multiproc.PicklingError;
import io.multiproc.ProcessError;
import io.multiproc.internal.ProcessRuntime;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.lang.invoke.SerializedLambda;
import java.util.concurrent.Callable;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.serialization.JavaSerializer;

/**
 * INTERNAL API. The default {@link Reducer}: Java serialisation, with two additions. Objects whose
 * state is bound to one JVM (its locks, threads, blocking queues) are refused with a message that
 * names the multiproc type to use instead, as CPython refuses to pickle a thread lock. Actor refs
 * inside a payload resolve, in the receiving JVM, to the same actor.
 */
final class JavaReducer implements Reducer {
  static final JavaReducer INSTANCE = new JavaReducer();

  private JavaReducer() {}

  // the first byte of a payload says how the rest is written: the common item types in a compact
  // form (a queue of small items pays no Java serialisation per item), anything else serialised
  private static final byte SERIALIZED = 0;
  private static final byte NULL = 1;
  private static final byte INT = 2;
  private static final byte LONG = 3;
  private static final byte STRING = 4;
  private static final byte BYTES = 5;

  @Override
  public byte[] dumps(Object value) {
    if (value == null) {
      return new byte[] {NULL};
    }
    if (value instanceof Integer i) {
      return java.nio.ByteBuffer.allocate(5).put(INT).putInt(i).array();
    }
    if (value instanceof Long l) {
      return java.nio.ByteBuffer.allocate(9).put(LONG).putLong(l).array();
    }
    if (value instanceof String str) {
      byte[] utf8 = str.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      byte[] out = new byte[utf8.length + 1];
      out[0] = STRING;
      System.arraycopy(utf8, 0, out, 1, utf8.length);
      return out;
    }
    if (value instanceof byte[] b) {
      byte[] out = new byte[b.length + 1];
      out[0] = BYTES;
      System.arraycopy(b, 0, out, 1, b.length);
      return out;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    bytes.write(SERIALIZED);
    try {
      write(value, bytes);
    } catch (NotSerializableException e) {
      throw new PicklingError(GraphProbe.describe(value, e), e);
    } catch (IOException e) {
      throw new PicklingError("cannot be sent to another process: " + e, e);
    }
    return bytes.toByteArray();
  }

  @Override
  public Object loads(byte[] bytes) {
    switch (bytes[0]) {
      case NULL:
        return null;
      case INT:
        return java.nio.ByteBuffer.wrap(bytes, 1, 4).getInt();
      case LONG:
        return java.nio.ByteBuffer.wrap(bytes, 1, 8).getLong();
      case STRING:
        return new String(bytes, 1, bytes.length - 1, java.nio.charset.StandardCharsets.UTF_8);
      case BYTES:
        return java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
      default:
        break;
    }
    try {
      return read(new ByteArrayInputStream(bytes, 1, bytes.length - 1));
    } catch (IOException | ClassNotFoundException e) {
      throw new ProcessError("cannot decode a payload from another process: " + e
          + " (do both JVMs run the same classpath?)", e);
    }
  }

  static void write(Object value, OutputStream out) throws IOException {
    try (ObjectOutputStream oos = new RefusingOutputStream(out)) {
      withSystem(() -> {
        oos.writeObject(value);
        return null;
      });
    } catch (ClassNotFoundException e) {
      throw new IOException(e); // not thrown while writing
    }
  }

  static Object read(InputStream in) throws IOException, ClassNotFoundException {
    try (ObjectInputStream ois = new ObjectInputStream(in) {
      @Override
      protected Class<?> resolveClass(ObjectStreamClass desc)
          throws IOException, ClassNotFoundException {
        try {
          return Class.forName(desc.getName(), false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
          return super.resolveClass(desc);
        }
      }
    }) {
      return withSystem(ois::readObject);
    }
  }

  /**
   * Runs {@code io} with this JVM's ActorSystem in Pekko's serialisation scope, which actor refs
   * need both to write their address and to resolve it on the way in.
   */
  private static Object withSystem(Callable<Object> io) throws IOException, ClassNotFoundException {
    ExtendedActorSystem system = ProcessRuntime.startedSystem();
    if (system == null) {
      try {
        return io.call();
      } catch (IOException | ClassNotFoundException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException(e);
      }
    }
    try {
      return JavaSerializer.currentSystem().withValue(system, io);
    } catch (Exception e) { // Scala rethrows the callable's checked exceptions undeclared
      if (e instanceof IOException io2) {
        throw io2;
      }
      if (e instanceof ClassNotFoundException cnf) {
        throw cnf;
      }
      if (e instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException(e);
    }
  }

  /** Refuses JVM-bound objects at the moment they are met, so the message can name them. */
  private static final class RefusingOutputStream extends ObjectOutputStream {
    RefusingOutputStream(OutputStream out) throws IOException {
      super(out);
      enableReplaceObject(true);
    }

    @Override
    protected Object replaceObject(Object obj) throws IOException {
      if (obj instanceof SerializedLambda lambda) {
        StaticTarget t = StaticTarget.of(lambda);
        return t != null ? t : obj;
      }
      StaticTarget proxied = StaticTarget.unwrap(obj);
      if (proxied != null) {
        return proxied;
      }
      String instead = GraphProbe.jvmBound(obj);
      if (instead != null) {
        throw new Refused(obj.getClass().getName());
      }
      return obj;
    }
  }

  /** Thrown for a JVM-bound object; {@link GraphProbe} then finds its place for the message. */
  static final class Refused extends NotSerializableException {
    private static final long serialVersionUID = 1L;

    Refused(String type) {
      super(type);
    }
  }
}
