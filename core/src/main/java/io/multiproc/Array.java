package io.multiproc;

import io.multiproc.internal.sync.Ctype;
import io.multiproc.internal.sync.Elements;
import java.io.Serializable;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A fixed-length array shared by processes, the twin of CPython's {@code multiprocessing.Array}:
 * elements of one type code of CPython's {@code array} module ({@code "i"} Integer, {@code "d"}
 * Double, …), made from a size (filled with zeros) or from values.
 *
 * <p>Each element's {@code get} and {@code set} is atomic; take {@link #getLock()} around a
 * read-modify-write. The elements live in the process that created the array; this object is a
 * handle.
 *
 * @param <T> the Java type of the type code
 */
public final class Array<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Elements elements;
  /** Guards a compound update; null when made with {@code lock=false}. */
  private final Acquirable lock;

  /**
   * {@code size} zeros of {@code typecode}, with a new RLock.
   *
   * @throws IllegalArgumentException for an unknown type code or a negative size
   */
  @SuppressWarnings("unchecked")
  public Array(String typecode, int size) {
    this(typecode, (List<T>) Collections.nCopies(checkSize(size), Ctype.zero(typecode)), true);
  }

  /**
   * The elements {@code values} of {@code typecode}, with a new RLock.
   *
   * @throws IllegalArgumentException for an unknown type code or a value the type code cannot
   *     hold (null, another kind, out of range, not exactly representable), as {@link Value}
   */
  public Array(String typecode, List<T> values) {
    this(typecode, values, true);
  }

  /**
   * The elements {@code values} of {@code typecode}; {@code lock} true gives a new RLock, false
   * none.
   *
   * @throws IllegalArgumentException for an unknown type code (checked first, even for no
   *     elements, as CPython's {@code Array('x', [])} fails) or a value it cannot hold
   * @throws NullPointerException when {@code values} is null
   */
  public Array(String typecode, List<T> values, boolean lock) {
    this.elements = new Elements(known(typecode), Objects.requireNonNull(values, "values must be"
        + " the elements, not null: pass List.of() for none, or a size for that many zeros"));
    this.lock = lock ? new RLock() : null;
  }

  /**
   * Element {@code index}, as {@code a[i]}.
   *
   * @throws IndexOutOfBoundsException when there is no such element
   */
  @SuppressWarnings("unchecked")
  public T get(int index) {
    return (T) elements.get(index, RLock.guardOf(lock));
  }

  /**
   * Stores {@code value} at {@code index}, as {@code a[i] = …}.
   *
   * @throws IndexOutOfBoundsException when there is no such element
   * @throws IllegalArgumentException when the type code cannot hold it, as {@link Value#set}
   */
  public void set(int index, T value) {
    elements.set(index, value, RLock.guardOf(lock));
  }

  /** The number of elements, as {@code len(a)}. */
  public int length() {
    return elements.length();
  }

  /** Every element, in order, as {@code a[:]}. */
  @SuppressWarnings("unchecked")
  public List<T> toList() {
    return (List<T>) elements.all(RLock.guardOf(lock));
  }

  /**
   * The lock guarding the array, as {@code get_lock()}.
   *
   * @throws IllegalStateException when the array was made with {@code lock=false}
   */
  public Acquirable getLock() {
    return Value.lockOf(lock);
  }

  private static String known(String typecode) {
    Ctype.of(typecode);
    return typecode;
  }

  private static int checkSize(int size) {
    if (size < 0) {
      throw new IllegalArgumentException("an Array's size must be >= 0, not " + size);
    }
    return size;
  }

  @Override
  public String toString() {
    return "<Array '" + elements.typecode() + "' of " + elements.length() + ">";
  }
}
