package io.multiproc.internal.sync;

import java.io.Serializable;
import java.util.Map;

/**
 * INTERNAL API. The type codes of CPython's {@code multiprocessing.Value} and {@code Array} (those
 * of the {@code array} module) and the Java type each one holds.
 */
public final class Ctype {
  private static final Map<String, Class<?>> TYPES = Map.ofEntries(
      Map.entry("b", Byte.class), Map.entry("B", Short.class), Map.entry("h", Short.class),
      Map.entry("H", Integer.class), Map.entry("i", Integer.class), Map.entry("I", Long.class),
      Map.entry("l", Long.class), Map.entry("L", Long.class), Map.entry("q", Long.class),
      Map.entry("Q", Long.class), Map.entry("f", Float.class), Map.entry("d", Double.class),
      Map.entry("c", Character.class), Map.entry("u", Character.class),
      Map.entry("?", Boolean.class));
  private static final Map<Class<?>, Serializable> ZEROS = Map.of(Byte.class, (byte) 0,
      Short.class, (short) 0, Integer.class, 0, Long.class, 0L, Float.class, 0f, Double.class, 0d,
      Character.class, '\0', Boolean.class, false);

  private Ctype() {}

  /**
   * The Java type of {@code typecode}.
   *
   * @throws IllegalArgumentException for an unknown code
   */
  public static Class<?> of(String typecode) {
    Class<?> t = TYPES.get(typecode);
    if (t == null) {
      throw new IllegalArgumentException("unknown type code '" + typecode + "'; use one of "
          + new java.util.TreeSet<>(TYPES.keySet()) + " as in CPython's array module");
    }
    return t;
  }

  /** The zero of {@code typecode}, what a new Array is filled with. */
  public static Serializable zero(String typecode) {
    return ZEROS.get(of(typecode));
  }

  /**
   * Returns {@code value} when it is of {@code typecode}'s type.
   *
   * @throws IllegalArgumentException when it is not
   */
  public static <T> T check(String typecode, T value) {
    Class<?> t = of(typecode);
    if (!t.isInstance(value)) {
      throw new IllegalArgumentException("type code '" + typecode + "' holds " + t.getSimpleName()
          + ", not " + (value == null ? "null" : value.getClass().getSimpleName()));
    }
    return value;
  }
}
