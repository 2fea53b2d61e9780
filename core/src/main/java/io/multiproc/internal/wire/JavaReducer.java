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

  @Override
  public byte[] dumps(Object value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
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
    try {
      return read(new ByteArrayInputStream(bytes));
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
