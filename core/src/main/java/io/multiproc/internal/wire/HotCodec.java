package io.multiproc.internal.wire;

import io.multiproc.internal.queue.QueueActor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.javadsl.Adapter;

/**
 * INTERNAL API. A compact binary form for the messages that carry every queue and pipe item —
 * puts, gets, items and their answers — so that the hot path does not pay for Java serialisation
 * (a stream header and class descriptors per message). Other messages keep the general form.
 */
final class HotCodec {
  static final byte GENERAL = 0;
  private static final byte PUT = 1;
  private static final byte GET = 2;
  private static final byte OK = 3;
  private static final byte ITEM = 4;
  private static final byte TAKEN = 5;
  private static final byte PUT_PART = 6;
  private static final byte ITEM_PART = 7;
  private static final byte EMPTY = 8;
  private static final byte PUT_BATCH = 9;
  private static final byte POLL = 10;
  private static final byte EOF = 11;
  private static final byte FULL = 12;
  private static final byte SIZE = 13;
  private static final byte SIZES = 14;

  private final ExtendedActorSystem system;
  private volatile ActorRefResolver resolver;

  HotCodec(ExtendedActorSystem system) {
    this.system = system;
  }

  /** Writes {@code o} in the compact form and returns true, or returns false for other messages. */
  boolean write(Object o, DataOutputStream out) throws IOException {
    if (o instanceof QueueActor.Put p) {
      out.writeByte(PUT);
      out.writeLong(p.id());
      bytes(out, p.item());
      out.writeBoolean(p.block());
      out.writeLong(p.timeoutMs());
      ref(out, p.replyTo());
      ref(out, p.jvm());
    } else if (o instanceof QueueActor.Get g) {
      out.writeByte(GET);
      out.writeLong(g.id());
      out.writeBoolean(g.block());
      out.writeLong(g.timeoutMs());
      ref(out, g.replyTo());
      ref(out, g.jvm());
    } else if (o instanceof QueueActor.Ok k) {
      out.writeByte(OK);
      out.writeLong(k.id());
    } else if (o instanceof QueueActor.Item i) {
      out.writeByte(ITEM);
      out.writeLong(i.id());
      bytes(out, i.item());
    } else if (o instanceof QueueActor.Taken t) {
      out.writeByte(TAKEN);
      out.writeLong(t.id());
      ref(out, t.replyTo());
    } else if (o instanceof QueueActor.PutPart p) {
      out.writeByte(PUT_PART);
      out.writeLong(p.id());
      bytes(out, p.bytes());
      ref(out, p.jvm());
    } else if (o instanceof QueueActor.ItemPart p) {
      out.writeByte(ITEM_PART);
      out.writeLong(p.id());
      out.writeInt(p.total());
      bytes(out, p.bytes());
    } else if (o instanceof QueueActor.PutBatch b) {
      out.writeByte(PUT_BATCH);
      out.writeLong(b.id());
      out.writeInt(b.items().size());
      for (byte[] item : b.items()) {
        bytes(out, item);
      }
      ref(out, b.replyTo());
      ref(out, b.jvm());
    } else if (o instanceof QueueActor.Empty e) {
      out.writeByte(EMPTY);
      out.writeLong(e.id());
    } else if (o instanceof QueueActor.Poll p) {
      out.writeByte(POLL);
      out.writeLong(p.id());
      out.writeLong(p.timeoutMs());
      ref(out, p.replyTo());
      ref(out, p.jvm());
    } else if (o instanceof QueueActor.Eof e) {
      out.writeByte(EOF);
      out.writeLong(e.id());
    } else if (o instanceof QueueActor.Full f) {
      out.writeByte(FULL);
      out.writeLong(f.id());
    } else if (o instanceof QueueActor.Size s) {
      out.writeByte(SIZE);
      out.writeLong(s.id());
      ref(out, s.replyTo());
    } else if (o instanceof QueueActor.Sizes s) {
      out.writeByte(SIZES);
      out.writeLong(s.id());
      out.writeInt(s.size());
      out.writeBoolean(s.full());
      out.writeInt(s.waitingGetters());
    } else {
      return false;
    }
    return true;
  }

  /** Writes {@code o} in the compact form where it has one, else in the general one. */
  void writeAny(Object o, ByteArrayOutputStream out) {
    try {
      DataOutputStream data = new DataOutputStream(out);
      if (!write(o, data)) {
        data.writeByte(GENERAL);
        data.flush();
        JavaReducer.write(o, out);
      }
      data.flush();
    } catch (java.io.NotSerializableException e) {
      throw new IllegalArgumentException(GraphProbe.describe(o, e), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot encode " + o.getClass().getName() + ": " + e, e);
    }
  }

  /** Reads a message written by {@link #write}; {@code kind} is its first byte, already read. */
  Object read(byte kind, DataInputStream in) throws IOException {
    return switch (kind) {
      case PUT -> new QueueActor.Put(in.readLong(), bytes(in), in.readBoolean(), in.readLong(),
          ref(in), ref(in));
      case GET -> new QueueActor.Get(in.readLong(), in.readBoolean(), in.readLong(), ref(in),
          ref(in));
      case OK -> new QueueActor.Ok(in.readLong());
      case ITEM -> new QueueActor.Item(in.readLong(), bytes(in));
      case TAKEN -> new QueueActor.Taken(in.readLong(), ref(in));
      case PUT_PART -> new QueueActor.PutPart(in.readLong(), bytes(in), ref(in));
      case ITEM_PART -> new QueueActor.ItemPart(in.readLong(), in.readInt(), bytes(in));
      case EMPTY -> new QueueActor.Empty(in.readLong());
      case POLL -> new QueueActor.Poll(in.readLong(), in.readLong(), ref(in), ref(in));
      case EOF -> new QueueActor.Eof(in.readLong());
      case FULL -> new QueueActor.Full(in.readLong());
      case SIZE -> new QueueActor.Size(in.readLong(), ref(in));
      case SIZES -> new QueueActor.Sizes(in.readLong(), in.readInt(), in.readBoolean(),
          in.readInt());
      case PUT_BATCH -> {
        long id = in.readLong();
        int n = in.readInt();
        java.util.List<byte[]> items = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          items.add(bytes(in));
        }
        yield new QueueActor.PutBatch(id, items, ref(in), ref(in));
      }
      default -> throw new IOException("unknown message kind " + kind);
    };
  }

  private static void bytes(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }

  private static byte[] bytes(DataInputStream in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return b;
  }

  private void ref(DataOutputStream out, ActorRef<?> ref) throws IOException {
    out.writeUTF(ref == null ? "" : resolver().toSerializationFormat(ref));
  }

  private <T> ActorRef<T> ref(DataInputStream in) throws IOException {
    String path = in.readUTF();
    return path.isEmpty() ? null : resolver().resolveActorRef(path);
  }

  private ActorRefResolver resolver() {
    ActorRefResolver r = resolver;
    if (r == null) {
      r = ActorRefResolver.get(Adapter.toTyped(system));
      resolver = r;
    }
    return r;
  }

  static ByteArrayInputStream input(byte[] frame, int from) {
    return new ByteArrayInputStream(frame, from, frame.length - from);
  }

  static ByteArrayOutputStream output() {
    return new ByteArrayOutputStream(128);
  }
}
