package io.multiproc.internal.sync;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * INTERNAL API. What a Value and an Array share: the type code and the elements' state. (The lock
 * guarding a compound update is the Value's or Array's own.)
 */
public final class Elements implements Serializable {
  private static final long serialVersionUID = 1L;

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
