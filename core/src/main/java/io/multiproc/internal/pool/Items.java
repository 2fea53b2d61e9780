package io.multiproc.internal.pool;

import io.multiproc.internal.wire.Reducer;
import io.multiproc.internal.wire.Scalars;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * INTERNAL API. A chunk's arguments and results as bytes: in a compact form of their own when
 * every value is a string, a boxed primitive or null (most of what pools carry), through the
 * reducer otherwise. The first byte says which.
 */
final class Items {
  private static final byte REDUCED = 0;
  private static final byte COMPACT = 1;

  private Items() {}

  /**
   * The arguments of a chunk's items, as a worker gets them: {@code arity} for each, in one array
   * (item i's are at {@code i * arity}).
   */
  record Rows(int count, int arity, Object[] values) {}

  /**
   * The arguments of each item of a chunk, {@code arity} per item: the items themselves when
   * {@code arity} is 1, else each an {@code Object[]} of that length.
   */
  static byte[] encodeArgs(List<?> items, int arity) {
    for (Object item : items) {
      if (arity == 1 ? !Scalars.known(item) : !allKnown((Object[]) item)) {
        return reduced(rows(items, arity));
      }
    }
    return compact(out -> {
      out.writeInt(items.size());
      out.writeByte(arity);
      for (Object item : items) {
        if (arity == 1) {
          Scalars.write(out, item);
        } else {
          for (Object v : (Object[]) item) {
            Scalars.write(out, v);
          }
        }
      }
    });
  }

  private static boolean allKnown(Object[] row) {
    for (Object v : row) {
      if (!Scalars.known(v)) {
        return false;
      }
    }
    return true;
  }

  private static ArrayList<Object[]> rows(List<?> items, int arity) {
    ArrayList<Object[]> rows = new ArrayList<>(items.size());
    for (Object item : items) {
      rows.add(arity == 1 ? new Object[] {item} : (Object[]) item);
    }
    return rows;
  }

  @SuppressWarnings("unchecked")
  static Rows decodeArgs(byte[] bytes) {
    if (bytes[0] == REDUCED) {
      List<Object[]> rows = (List<Object[]>) Reducer.get().loads(
          Arrays.copyOfRange(bytes, 1, bytes.length));
      int arity = rows.isEmpty() ? 0 : rows.get(0).length;
      Object[] values = new Object[rows.size() * arity];
      for (int i = 0; i < rows.size(); i++) {
        System.arraycopy(rows.get(i), 0, values, i * arity, arity);
      }
      return new Rows(rows.size(), arity, values);
    }
    DataInputStream in = input(bytes);
    try {
      int n = in.readInt();
      int arity = in.readByte();
      Object[] values = new Object[n * arity];
      for (int i = 0; i < values.length; i++) {
        values[i] = Scalars.read(in);
      }
      return new Rows(n, arity, values);
    } catch (IOException e) {
      throw new UncheckedIOException("a chunk's arguments are damaged", e);
    }
  }

  /** The results of a chunk's items, in order. */
  static byte[] encodeResults(List<Object> results) {
    for (Object v : results) {
      if (!Scalars.known(v)) {
        return reduced(new ArrayList<>(results));
      }
    }
    return compact(out -> {
      out.writeInt(results.size());
      for (Object v : results) {
        Scalars.write(out, v);
      }
    });
  }

  @SuppressWarnings("unchecked")
  static List<Object> decodeResults(byte[] bytes) {
    if (bytes[0] == REDUCED) {
      return (List<Object>) Reducer.get().loads(Arrays.copyOfRange(bytes, 1, bytes.length));
    }
    DataInputStream in = input(bytes);
    try {
      int n = in.readInt();
      List<Object> results = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        results.add(Scalars.read(in));
      }
      return results;
    } catch (IOException e) {
      throw new UncheckedIOException("a chunk's results are damaged", e);
    }
  }

  private interface Writing {
    void to(DataOutputStream out) throws IOException;
  }

  private static byte[] compact(Writing body) {
    Buffer bytes = new Buffer();
    DataOutputStream out = new DataOutputStream(bytes);
    try {
      out.writeByte(COMPACT);
      body.to(out);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory: cannot happen
    }
    return bytes.toByteArray();
  }

  /** A ByteArrayOutputStream without its lock, taken per byte: a chunk has a million of them. */
  private static final class Buffer extends OutputStream {
    private byte[] buf = new byte[64];
    private int size;

    @Override
    public void write(int b) {
      if (size == buf.length) {
        buf = Arrays.copyOf(buf, size * 2);
      }
      buf[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (size + len > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(size * 2, size + len));
      }
      System.arraycopy(b, off, buf, size, len);
      size += len;
    }

    byte[] toByteArray() {
      return Arrays.copyOf(buf, size);
    }
  }

  /** A ByteArrayInputStream without its lock. */
  private static final class Source extends InputStream {
    private final byte[] buf;
    private int pos;

    Source(byte[] buf, int from) {
      this.buf = buf;
      this.pos = from;
    }

    @Override
    public int read() {
      return pos < buf.length ? buf[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos >= buf.length) {
        return -1;
      }
      int n = Math.min(len, buf.length - pos);
      System.arraycopy(buf, pos, b, off, n);
      pos += n;
      return n;
    }
  }

  private static byte[] reduced(ArrayList<?> list) {
    byte[] body = Reducer.get().dumps(list);
    byte[] out = new byte[body.length + 1];
    out[0] = REDUCED;
    System.arraycopy(body, 0, out, 1, body.length);
    return out;
  }

  private static DataInputStream input(byte[] bytes) {
    return new DataInputStream(new Source(bytes, 1));
  }
}
