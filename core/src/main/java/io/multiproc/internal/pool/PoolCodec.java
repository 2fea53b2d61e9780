package io.multiproc.internal.pool;

import io.multiproc.internal.sync.Reply;
import io.multiproc.internal.wire.Codec;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * INTERNAL API. The pool's messages in compact form, on lanes and over Artery: a worker's
 * {@link PoolState.Next} and {@link PoolState.InitFailed}, and the router's answer with a
 * {@link PoolState.Chunk}. Their payloads (code, arguments, results) are the reducer's bytes,
 * carried as they are.
 */
public final class PoolCodec implements Codec {
  private static final byte NEXT = 70;
  private static final byte INIT_FAILED = 71;
  private static final byte CHUNK = 72;

  @Override
  public byte[] kinds() {
    return new byte[] {NEXT, INIT_FAILED, CHUNK};
  }

  @Override
  public boolean write(Object o, DataOutputStream out, Refs refs) throws IOException {
    if (o instanceof PoolState.Next n) {
      out.writeByte(NEXT);
      out.writeLong(n.id());
      out.writeLong(n.worker());
      out.writeLong(n.done());
      bytes(out, n.results());
      out.writeBoolean(n.failed());
      out.writeBoolean(n.retiring());
      refs.write(out, n.replyTo());
    } else if (o instanceof PoolState.InitFailed f) {
      out.writeByte(INIT_FAILED);
      out.writeLong(f.id());
      out.writeLong(f.worker());
      bytes(out, f.failure());
      refs.write(out, f.replyTo());
    } else if (o instanceof Reply.Answer a && a.value() instanceof PoolState.Chunk c) {
      out.writeByte(CHUNK);
      out.writeLong(a.id());
      out.writeLong(c.chunk());
      out.writeLong(c.function());
      bytes(out, c.code());
      bytes(out, c.args());
    } else {
      return false;
    }
    return true;
  }

  @Override
  public Object read(byte kind, DataInputStream in, Refs refs) throws IOException {
    long id = in.readLong();
    return switch (kind) {
      case NEXT -> new PoolState.Next(id, in.readLong(), in.readLong(), bytes(in),
          in.readBoolean(), in.readBoolean(), refs.read(in));
      case INIT_FAILED -> new PoolState.InitFailed(id, in.readLong(), bytes(in), refs.read(in));
      case CHUNK -> new Reply.Answer(id, new PoolState.Chunk(in.readLong(), in.readLong(),
          bytes(in), bytes(in)));
      default -> throw new IOException("not a pool message: kind " + kind);
    };
  }

  @Override
  public int sizeHint(Object o) {
    if (o instanceof PoolState.Next n) {
      return 48 + (n.results() == null ? 0 : n.results().length);
    }
    if (o instanceof Reply.Answer a && a.value() instanceof PoolState.Chunk c) {
      return 48 + (c.code() == null ? 0 : c.code().length) + c.args().length;
    }
    return 0;
  }

  @Override
  public List<Object> samples() {
    return List.of(new PoolState.Next(1, 2, 3, new byte[] {4}, false, false, null),
        new PoolState.InitFailed(5, 6, new byte[] {7}, null),
        new Reply.Answer(8, new PoolState.Chunk(9, 10, null, new byte[] {11})));
  }

  private static void bytes(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b == null ? -1 : b.length);
    if (b != null) {
      out.write(b);
    }
  }

  private static byte[] bytes(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      return null;
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }
}
