package io.multiproc.internal.sync;

import io.multiproc.internal.wire.Codec;
import io.multiproc.internal.wire.Scalars;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * INTERNAL API. The compact binary form of the primitives' hot messages — a lock's acquire,
 * return and recall, an event's set, clear and wait, a semaphore's acquire and release, a value's
 * get and put, and the answers with a number or a flag in them — on a lane and over Artery;
 * registered as a {@link Codec} in {@code META-INF/services}. The rest (snapshots, a barrier, a
 * condition, an array's elements all at once) keep the general form.
 */
public final class SyncCodec implements Codec {
  private static final byte OK = 32;
  private static final byte NO = 33;
  private static final byte RECALL = 34;
  private static final byte REVOKE = 35;
  private static final byte FAILED = 36;
  private static final byte ANSWER = 37;
  private static final byte VALUE_GET = 40;
  private static final byte VALUE_PUT = 41;
  private static final byte LOCK_ACQUIRE = 44;
  private static final byte LOCK_RETURN = 45;
  private static final byte LOCK_BUSY = 46;
  private static final byte LOCK_RELEASE = 47;
  private static final byte LOCK_REVOKED = 48;
  private static final byte LOCK_CANCEL = 49;
  private static final byte LOCK_LEAVE = 50;
  private static final byte EVENT_SET = 52;
  private static final byte EVENT_CLEAR = 53;
  private static final byte EVENT_IS_SET = 54;
  private static final byte EVENT_WAIT = 55;
  private static final byte EVENT_CANCEL = 56;
  private static final byte PERMIT_ACQUIRE = 58;
  private static final byte PERMIT_RELEASE = 59;
  private static final byte PERMIT_CANCEL = 60;

  @Override
  public byte[] kinds() {
    return new byte[] {OK, NO, RECALL, REVOKE, FAILED, ANSWER, VALUE_GET, VALUE_PUT, LOCK_ACQUIRE,
        LOCK_RETURN, LOCK_BUSY, LOCK_RELEASE, LOCK_REVOKED, LOCK_CANCEL, LOCK_LEAVE, EVENT_SET,
        EVENT_CLEAR, EVENT_IS_SET, EVENT_WAIT, EVENT_CANCEL, PERMIT_ACQUIRE, PERMIT_RELEASE,
        PERMIT_CANCEL};
  }

  @Override
  public boolean write(Object o, DataOutputStream out, Refs refs) throws IOException {
    if (o instanceof Reply r) {
      return reply(r, out);
    }
    if (o instanceof ValueState.Get g) {
      head(out, VALUE_GET, g.id());
      out.writeInt(g.index());
      refs.write(out, g.replyTo());
    } else if (o instanceof ValueState.Put p) {
      if (!Scalars.known(p.value())) {
        return false;
      }
      head(out, VALUE_PUT, p.id());
      out.writeInt(p.index());
      Scalars.write(out, p.value());
      refs.write(out, p.replyTo());
    } else if (o instanceof LockState.Command c) {
      return lock(c, out, refs);
    } else if (o instanceof EventState.Command c) {
      return event(c, out, refs);
    } else if (o instanceof PermitState.Acquire a) {
      head(out, PERMIT_ACQUIRE, a.id());
      out.writeBoolean(a.block());
      out.writeLong(a.timeoutMs());
      refs.write(out, a.replyTo());
      text(out, a.who());
    } else if (o instanceof PermitState.Release r) {
      head(out, PERMIT_RELEASE, r.id());
      refs.write(out, r.replyTo());
    } else if (o instanceof PermitState.Cancel c) {
      head(out, PERMIT_CANCEL, c.id());
      out.writeLong(c.request());
      refs.write(out, c.replyTo());
    } else {
      return false;
    }
    return true;
  }

  /** A string that may be null (a semaphore's acquire has no owner). */
  private static void text(DataOutputStream out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      out.writeUTF(s);
    }
  }

  private static String text(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }

  private static void head(DataOutputStream out, byte kind, long id) throws IOException {
    out.writeByte(kind);
    out.writeLong(id);
  }

  private static boolean reply(Reply r, DataOutputStream out) throws IOException {
    if (r instanceof Reply.Ok) {
      head(out, OK, r.id());
    } else if (r instanceof Reply.No) {
      head(out, NO, r.id());
    } else if (r instanceof Reply.Recall) {
      head(out, RECALL, r.id());
    } else if (r instanceof Reply.Revoke) {
      head(out, REVOKE, r.id());
    } else if (r instanceof Reply.Failed f) {
      head(out, FAILED, f.id());
      text(out, f.message());
    } else if (r instanceof Reply.Answer a && Scalars.known(a.value())) {
      head(out, ANSWER, a.id());
      Scalars.write(out, a.value());
    } else {
      return false;
    }
    return true;
  }

  private static boolean lock(LockState.Command c, DataOutputStream out, Refs refs)
      throws IOException {
    if (c instanceof LockState.Acquire a) {
      head(out, LOCK_ACQUIRE, a.id());
      out.writeBoolean(a.block());
      out.writeLong(a.timeoutMs());
      refs.write(out, a.replyTo());
      text(out, a.who());
    } else if (c instanceof LockState.Return) {
      head(out, LOCK_RETURN, c.id());
    } else if (c instanceof LockState.Busy) {
      head(out, LOCK_BUSY, c.id());
    } else if (c instanceof LockState.Release r) {
      head(out, LOCK_RELEASE, r.id());
      refs.write(out, r.replyTo());
    } else if (c instanceof LockState.Revoked r) {
      head(out, LOCK_REVOKED, r.id());
      out.writeBoolean(r.wasHeld());
    } else if (c instanceof LockState.Cancel x) {
      head(out, LOCK_CANCEL, x.id());
      out.writeLong(x.request());
      refs.write(out, x.replyTo());
    } else if (c instanceof LockState.Leave) {
      head(out, LOCK_LEAVE, c.id());
    } else {
      return false;
    }
    return true;
  }

  private static boolean event(EventState.Command c, DataOutputStream out, Refs refs)
      throws IOException {
    if (c instanceof EventState.SetFlag) {
      head(out, EVENT_SET, c.id());
    } else if (c instanceof EventState.Clear) {
      head(out, EVENT_CLEAR, c.id());
    } else if (c instanceof EventState.IsSet) {
      head(out, EVENT_IS_SET, c.id());
    } else if (c instanceof EventState.Wait w) {
      head(out, EVENT_WAIT, w.id());
      out.writeLong(w.timeoutMs());
    } else if (c instanceof EventState.Cancel x) {
      head(out, EVENT_CANCEL, x.id());
      out.writeLong(x.request());
    } else {
      return false;
    }
    refs.write(out, c.replyTo());
    return true;
  }

  @Override
  public Object read(byte kind, DataInputStream in, Refs refs) throws IOException {
    long id = in.readLong();
    return switch (kind) {
      case OK -> new Reply.Ok(id);
      case NO -> new Reply.No(id);
      case RECALL -> new Reply.Recall(id);
      case REVOKE -> new Reply.Revoke(id);
      case FAILED -> new Reply.Failed(id, text(in));
      case ANSWER -> new Reply.Answer(id, Scalars.read(in));
      case VALUE_GET -> new ValueState.Get(id, in.readInt(), refs.read(in));
      case VALUE_PUT -> new ValueState.Put(id, in.readInt(), Scalars.read(in), refs.read(in));
      case LOCK_ACQUIRE -> new LockState.Acquire(id, in.readBoolean(), in.readLong(),
          refs.read(in), text(in));
      case LOCK_RETURN -> new LockState.Return(id);
      case LOCK_BUSY -> new LockState.Busy(id);
      case LOCK_RELEASE -> new LockState.Release(id, refs.read(in));
      case LOCK_REVOKED -> new LockState.Revoked(id, in.readBoolean());
      case LOCK_CANCEL -> new LockState.Cancel(id, in.readLong(), refs.read(in));
      case LOCK_LEAVE -> new LockState.Leave(id);
      case EVENT_SET -> new EventState.SetFlag(id, refs.read(in));
      case EVENT_CLEAR -> new EventState.Clear(id, refs.read(in));
      case EVENT_IS_SET -> new EventState.IsSet(id, refs.read(in));
      case EVENT_WAIT -> new EventState.Wait(id, in.readLong(), refs.read(in));
      case EVENT_CANCEL -> new EventState.Cancel(id, in.readLong(), refs.read(in));
      case PERMIT_ACQUIRE -> new PermitState.Acquire(id, in.readBoolean(), in.readLong(),
          refs.read(in), text(in));
      case PERMIT_RELEASE -> new PermitState.Release(id, refs.read(in));
      case PERMIT_CANCEL -> new PermitState.Cancel(id, in.readLong(), refs.read(in));
      default -> throw new IOException("unknown message kind " + kind);
    };
  }

  @Override
  public int sizeHint(Object o) {
    return o instanceof Reply || o instanceof SyncState.Request ? 96 : 0;
  }

  @Override
  public List<Object> samples() {
    return List.of(new Reply.Ok(1), new Reply.Answer(2, 7), new ValueState.Put(3, 0, 8, null),
        new ValueState.Get(4, 0, null), new LockState.Acquire(5, true, -1, null, "P"),
        new LockState.Return(5), new Reply.Recall(5), new EventState.SetFlag(6, null),
        new EventState.Wait(7, -1, null), new PermitState.Acquire(8, true, -1, null, "P"),
        new PermitState.Release(9, null));
  }

  /** The values an element holds (what {@link Ctype} converts to), one tag byte each. */
}
