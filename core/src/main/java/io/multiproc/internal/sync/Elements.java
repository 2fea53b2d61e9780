package io.multiproc.internal.sync;

import io.multiproc.ProcessError;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * INTERNAL API. What a Value and an Array share: the type code and the elements' state. (The lock
 * guarding a compound update is the Value's or Array's own.)
 *
 * <p>Guarded by a lock with a lease (an RLock), each access takes the lock, as CPython's
 * synchronized wrapper does, and the JVM that has the lease keeps a copy of the elements: every
 * access in it is then a read or write of that copy, with no message, until the lease goes to
 * another JVM. Every write also goes on to the state, in order, without waiting: within tens of
 * microseconds, many to a system call (so a JVM that dies loses at most what it wrote in that
 * last moment, not what it wrote under a long lease); before the lease leaves, this JVM waits until the state has handled those writes, so
 * the next holder reads them. Unguarded (a plain Lock, or none), each access is a round trip to
 * the state.
 */
public final class Elements implements Serializable {
  private static final long serialVersionUID = 1L;
  /** This JVM's copies of guarded elements, by the state's path. */
  private static final Map<String, Copy> COPIES = new ConcurrentHashMap<>();

  /** The lock a Value or Array takes around each access, with its lease. */
  public interface Guard {
    /** Takes the lock (again, where the calling thread holds it). */
    void acquire();

    /** Releases what {@link #acquire} took. */
    void release();

    /** This JVM's side of the lock: while it has the lease, the elements may be kept here. */
    LeasedLock lease();
  }

  /** This JVM's copy of one state's elements, valid while the lease is here. */
  private static final class Copy {
    Serializable[] values; // null: not read under the lease that is here now
    boolean written; // writes went to the state since the last wait for them
  }

  private final String typecode;
  private final int length;
  private final SharedRef<ValueState.Command> state;

  /**
   * Elements of {@code typecode} starting as {@code values}, each checked first.
   *
   * @throws IllegalArgumentException when the type code cannot hold one (see {@link Ctype#check})
   */
  public Elements(String typecode, List<?> values) {
    if (values == null) {
      throw new NullPointerException("values must be a list of the elements, not null");
    }
    Serializable[] initial = new Serializable[values.size()];
    for (int i = 0; i < initial.length; i++) {
      try {
        initial[i] = Ctype.check(typecode, values.get(i));
      } catch (IllegalArgumentException e) {
        throw values.size() == 1 ? e
            : new IllegalArgumentException("element " + i + ": " + e.getMessage(), e);
      }
    }
    this.typecode = typecode;
    this.length = initial.length;
    this.state = SharedRef.ofState(new ValueState(initial).publish("value"), "value");
  }

  /** Element {@code index}. */
  public Object get(int index) {
    return ((Reply.Answer) state.ask((id, r) -> new ValueState.Get(id, check(index), r),
        Duration.ZERO)).value();
  }

  /**
   * Stores {@code value} at {@code index}, converted to the type code's type.
   *
   * @throws IllegalArgumentException when the type code cannot hold it (see {@link Ctype#check})
   */
  public void set(int index, Object value) {
    Serializable v = Ctype.check(typecode, value);
    state.ask((id, r) -> new ValueState.Put(id, check(index), v, r), Duration.ZERO);
  }

  /** Every element, in order. */
  public List<?> all() {
    return (List<?>) ((Reply.Answer) state.ask(ValueState.GetAll::new, Duration.ZERO)).value();
  }

  /** Element {@code index}, taking {@code guard} around the read (null: as {@link #get(int)}). */
  public Object get(int index, Guard guard) {
    check(index);
    if (guard == null) {
      return get(index);
    }
    guard.acquire();
    try {
      Copy c = copy(guard);
      synchronized (c) {
        return read(c)[index];
      }
    } finally {
      guard.release();
    }
  }

  /**
   * Stores {@code value} at {@code index}, taking {@code guard} around the write (null: as
   * {@link #set(int, Object)}).
   *
   * @throws IllegalArgumentException when the type code cannot hold it (see {@link Ctype#check})
   */
  public void set(int index, Object value, Guard guard) {
    if (guard == null) {
      set(index, value);
      return;
    }
    Serializable v = Ctype.check(typecode, value);
    check(index);
    guard.acquire();
    try {
      Copy c = copy(guard);
      synchronized (c) {
        read(c)[index] = v;
        c.written = true;
        // on to the state within moments, behind this JVM's earlier writes; nothing waits for it
        state.tellLazily(new ValueState.Put(SharedRef.nextId(), index, v, null));
      }
    } finally {
      guard.release();
    }
  }

  /** Every element, in order, taking {@code guard} around the read (null: as {@link #all()}). */
  public List<?> all(Guard guard) {
    if (guard == null) {
      return all();
    }
    guard.acquire();
    try {
      Copy c = copy(guard);
      synchronized (c) {
        return new ArrayList<>(Arrays.asList(read(c)));
      }
    } finally {
      guard.release();
    }
  }

  /** This JVM's copy, made (and told of the lease's end) on first use. */
  private Copy copy(Guard guard) {
    Copy c = COPIES.get(state.path());
    if (c == null) {
      c = COPIES.computeIfAbsent(state.path(), p -> {
        Copy made = new Copy();
        guard.lease().onLeaseEnd(() -> leaseEnds(made));
        return made;
      });
    }
    return c;
  }

  /** The copy's elements, read from the state once under the lease that is here now. */
  private Serializable[] read(Copy c) {
    if (c.values == null) {
      c.values = ((List<?>) all()).toArray(new Serializable[0]);
    }
    return c.values;
  }

  /**
   * The lease leaves this JVM: waits until the state handled the writes sent (a round trip
   * behind them), so the next holder reads them; the copy is not valid after.
   */
  private void leaseEnds(Copy c) {
    synchronized (c) {
      if (c.written) {
        c.written = false;
        try {
          state.ask((id, r) -> new ValueState.Get(id, 0, r), Duration.ZERO);
        } catch (ProcessError e) {
          // the state's JVM is gone: no holder reads it any more
        }
      }
      c.values = null;
    }
  }

  /** The number of elements. */
  public int length() {
    return length;
  }

  /** The type code. */
  public String typecode() {
    return typecode;
  }

  private int check(int index) {
    if (index < 0 || index >= length) {
      throw new IndexOutOfBoundsException("index " + index + " out of range for length "
          + length);
    }
    return index;
  }
}
