package io.multiproc;

import io.multiproc.internal.sync.Ctype;
import io.multiproc.internal.sync.Elements;
import java.io.Serializable;
import java.util.Collections;
import java.util.Objects;

/**
 * A value shared by processes, the twin of CPython's {@code multiprocessing.Value}: made with a
 * type code of CPython's {@code array} module ({@code "i"} an Integer, {@code "l"} a Long,
 * {@code "d"} a Double, {@code "c"} a Character, {@code "?"} a Boolean, …).
 *
 * <p>What is stored is converted to the type code's Java type as CPython converts it to the C
 * type: any number the type holds exactly (an int for {@code "d"}, so {@code get} then returns a
 * Double: declare such a value as {@code Value<Double>} or {@code Value<Number>}); an integer code
 * takes integers within its C type's range only ({@code "b"}, a signed char: −128..127).
 *
 * <p>Each {@code get} and {@code set} is atomic; a read-modify-write is not, so take the lock
 * around it, as in CPython: {@code try (var held = v.getLock().hold()) { v.set(v.get() + 1); }}.
 * The value lives in the process that created it; this object is a handle.
 *
 * @param <T> the Java type of the type code
 */
public final class Value<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Elements elements;
  /** Guards a compound update; null when made with {@code lock=false}. */
  private final Acquirable lock;

  /**
   * A value of {@code typecode} starting as {@code initial}, with a new RLock.
   *
   * @throws IllegalArgumentException for an unknown type code, a null initial value, or one the
   *     type code cannot hold (another kind, out of range, not exactly representable)
   */
  public Value(String typecode, T initial) {
    this(typecode, initial, true);
  }

  /**
   * A value of {@code typecode} starting as {@code initial}; {@code lock} true gives it a new
   * RLock, false none ({@code getLock} then fails).
   */
  public Value(String typecode, T initial, boolean lock) {
    this.elements = new Elements(typecode, Collections.singletonList(initial));
    this.lock = lock ? new RLock() : null;
  }

  /**
   * A value of {@code typecode} starting as {@code initial}, guarded by {@code lock}.
   *
   * @throws IllegalArgumentException as {@link #Value(String, Object)}
   * @throws NullPointerException when {@code lock} is null
   */
  public Value(String typecode, T initial, Acquirable lock) {
    Acquirable checked = given(typecode, lock);
    this.elements = new Elements(typecode, Collections.singletonList(initial));
    this.lock = checked;
  }

  /** The value now, as {@code v.value}. */
  @SuppressWarnings("unchecked")
  public T get() {
    return (T) elements.get(0, RLock.guardOf(lock));
  }

  /**
   * Stores {@code value}, as {@code v.value = …}.
   *
   * @throws IllegalArgumentException when the type code cannot hold it (null, another kind, out
   *     of range, not exactly representable)
   */
  public void set(T value) {
    elements.set(0, value, RLock.guardOf(lock));
  }

  /**
   * The lock guarding the value, as {@code get_lock()}.
   *
   * @throws IllegalStateException when the value was made with {@code lock=false}
   */
  public Acquirable getLock() {
    return lockOf(lock);
  }

  /** {@code lock}, the lock of a Value or Array, as {@code get_lock()} returns it. */
  static Acquirable lockOf(Acquirable lock) {
    if (lock == null) {
      throw new IllegalStateException("made with lock=false: it has no lock (CPython's RawValue"
          + " and RawArray have no get_lock())");
    }
    return lock;
  }

  private static Acquirable given(String typecode, Acquirable lock) {
    Ctype.of(typecode); // a bad type code is the first thing to hear about
    return Objects.requireNonNull(lock, "lock must be a Lock or an RLock, not null: pass true"
        + " for a new RLock, or false for none");
  }

  @Override
  public String toString() {
    return "<Value '" + elements.typecode() + "'>";
  }
}
