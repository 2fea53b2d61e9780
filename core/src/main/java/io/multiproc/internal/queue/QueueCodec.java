package io.multiproc.internal.queue;

import io.multiproc.internal.queue.QueueProtocol.Empty;
import io.multiproc.internal.queue.QueueProtocol.Eof;
import io.multiproc.internal.queue.QueueProtocol.Full;
import io.multiproc.internal.queue.QueueProtocol.Get;
import io.multiproc.internal.queue.QueueProtocol.Item;
import io.multiproc.internal.queue.QueueProtocol.ItemPart;
import io.multiproc.internal.queue.QueueProtocol.Ok;
import io.multiproc.internal.queue.QueueProtocol.Poll;
import io.multiproc.internal.queue.QueueProtocol.Put;
import io.multiproc.internal.queue.QueueProtocol.PutBatch;
import io.multiproc.internal.queue.QueueProtocol.PutPart;
import io.multiproc.internal.queue.QueueProtocol.Size;
import io.multiproc.internal.queue.QueueProtocol.Sizes;
import io.multiproc.internal.queue.QueueProtocol.Taken;
import io.multiproc.internal.wire.Codec;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * INTERNAL API. The compact binary form of the messages that carry every queue and pipe item —
 * puts, gets, items and their answers — on a lane and over Artery; registered as a {@link Codec}
 * in {@code META-INF/services}. Other queue messages keep the general form.
 */
public final class QueueCodec implements Codec {
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


  @Override
  public byte[] kinds() {
    return new byte[] {PUT, GET, OK, ITEM, TAKEN, PUT_PART, ITEM_PART, EMPTY, PUT_BATCH, POLL, EOF, FULL, SIZE, SIZES};
  }

  @Override
  public boolean write(Object o, DataOutputStream out, Codec.Refs refs) throws IOException {
    if (o instanceof Put p) {
      out.writeByte(PUT);
      out.writeLong(p.id());
      bytes(out, p.item());
      out.writeBoolean(p.block());
      out.writeLong(p.timeoutMs());
      refs.write(out, p.replyTo());
      refs.write(out, p.jvm());
    } else if (o instanceof Get g) {
      out.writeByte(GET);
      out.writeLong(g.id());
      out.writeBoolean(g.block());
      out.writeLong(g.timeoutMs());
      refs.write(out, g.replyTo());
      refs.write(out, g.jvm());
    } else if (o instanceof Ok k) {
      out.writeByte(OK);
      out.writeLong(k.id());
    } else if (o instanceof Item i) {
      out.writeByte(ITEM);
      out.writeLong(i.id());
      bytes(out, i.item());
    } else if (o instanceof Taken t) {
      out.writeByte(TAKEN);
      out.writeLong(t.id());
      refs.write(out, t.replyTo());
    } else if (o instanceof PutPart p) {
      out.writeByte(PUT_PART);
      out.writeLong(p.id());
      bytes(out, p.bytes());
      refs.write(out, p.jvm());
    } else if (o instanceof ItemPart p) {
      out.writeByte(ITEM_PART);
      out.writeLong(p.id());
      out.writeInt(p.total());
      bytes(out, p.bytes());
    } else if (o instanceof PutBatch b) {
      out.writeByte(PUT_BATCH);
      out.writeLong(b.id());
      out.writeInt(b.items().size());
      for (byte[] item : b.items()) {
        bytes(out, item);
      }
      refs.write(out, b.replyTo());
      refs.write(out, b.jvm());
    } else if (o instanceof Empty e) {
      out.writeByte(EMPTY);
      out.writeLong(e.id());
    } else if (o instanceof Poll p) {
      out.writeByte(POLL);
      out.writeLong(p.id());
      out.writeLong(p.timeoutMs());
      refs.write(out, p.replyTo());
      refs.write(out, p.jvm());
    } else if (o instanceof Eof e) {
      out.writeByte(EOF);
      out.writeLong(e.id());
    } else if (o instanceof Full f) {
      out.writeByte(FULL);
      out.writeLong(f.id());
    } else if (o instanceof Size s) {
      out.writeByte(SIZE);
      out.writeLong(s.id());
      refs.write(out, s.replyTo());
    } else if (o instanceof Sizes s) {
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

  /** Reads a message written by {@link #write}; {@code kind} is its first byte, already read. */
  @Override
  public Object read(byte kind, DataInputStream in, Codec.Refs refs) throws IOException {
    return switch (kind) {
      case PUT -> new Put(in.readLong(), bytes(in), in.readBoolean(), in.readLong(),
          refs.read(in), refs.read(in));
      case GET -> new Get(in.readLong(), in.readBoolean(), in.readLong(), refs.read(in),
          refs.read(in));
      case OK -> new Ok(in.readLong());
      case ITEM -> new Item(in.readLong(), bytes(in));
      case TAKEN -> new Taken(in.readLong(), refs.read(in));
      case PUT_PART -> new PutPart(in.readLong(), bytes(in), refs.read(in));
      case ITEM_PART -> new ItemPart(in.readLong(), in.readInt(), bytes(in));
      case EMPTY -> new Empty(in.readLong());
      case POLL -> new Poll(in.readLong(), in.readLong(), refs.read(in), refs.read(in));
      case EOF -> new Eof(in.readLong());
      case FULL -> new Full(in.readLong());
      case SIZE -> new Size(in.readLong(), refs.read(in));
      case SIZES -> new Sizes(in.readLong(), in.readInt(), in.readBoolean(),
          in.readInt());
      case PUT_BATCH -> {
        long id = in.readLong();
        int n = in.readInt();
        List<byte[]> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          items.add(bytes(in));
        }
        yield new PutBatch(id, items, refs.read(in), refs.read(in));
      }
      default -> throw new IOException("unknown message kind " + kind);
    };
  }

  @Override
  public int sizeHint(Object o) {
    if (o instanceof Put p) {
      return p.item().length + 64;
    }
    if (o instanceof Item i) {
      return i.item().length + 32;
    }
    if (o instanceof PutBatch b) {
      int n = 64;
      for (byte[] item : b.items()) {
        n += item.length + 4;
      }
      return n;
    }
    return 0;
  }

  @Override
  public List<Object> samples() {
    return List.of(new Put(1, new byte[] {1, 2, 3}, true, -1, null, null),
        new Get(2, true, -1, null, null), new Item(3, new byte[] {4}), new Ok(4),
        new Taken(5, null));
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

}
