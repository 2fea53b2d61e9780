package io.multiproc.internal.sync;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * INTERNAL API. The type codes of CPython's {@code multiprocessing.Value} and {@code Array} (those
 * of the {@code array} module), the Java type each one holds, and the conversion of what a user
 * stores: any number the code's C type holds exactly (an int for a double, as CPython takes it),
 * an integer only within its C type's range.
 */
public final class Ctype {
  /** A type code: its Java type, the C type it stands for, and for an integer its range. */
  private record Code(Class<?> type, String ctype, BigInteger min, BigInteger max) {
    static Code integer(Class<?> type, String ctype, long min, BigInteger max) {
      return new Code(type, ctype, BigInteger.valueOf(min), max);
    }

    static Code integer(Class<?> type, String ctype, long min, long max) {
      return integer(type, ctype, min, BigInteger.valueOf(max));
    }

    static Code other(Class<?> type, String ctype) {
      return new Code(type, ctype, null, null);
    }
  }

  private static final Map<String, Code> CODES = Map.ofEntries(
      Map.entry("b", Code.integer(Byte.class, "signed char", Byte.MIN_VALUE, Byte.MAX_VALUE)),
      Map.entry("B", Code.integer(Short.class, "unsigned char", 0, 255)),
      Map.entry("h", Code.integer(Short.class, "short", Short.MIN_VALUE, Short.MAX_VALUE)),
      Map.entry("H", Code.integer(Integer.class, "unsigned short", 0, 65535)),
      Map.entry("i", Code.integer(Integer.class, "int", Integer.MIN_VALUE, Integer.MAX_VALUE)),
      Map.entry("I", Code.integer(Long.class, "unsigned int", 0, 4294967295L)),
      Map.entry("l", Code.integer(Long.class, "long", Long.MIN_VALUE, Long.MAX_VALUE)),
      // a Java Long holds the unsigned 64-bit codes up to Long.MAX_VALUE only
      Map.entry("L", Code.integer(Long.class, "unsigned long", 0, Long.MAX_VALUE)),
      Map.entry("q", Code.integer(Long.class, "long long", Long.MIN_VALUE, Long.MAX_VALUE)),
      Map.entry("Q", Code.integer(Long.class, "unsigned long long", 0, Long.MAX_VALUE)),
      Map.entry("f", Code.other(Float.class, "float")),
      Map.entry("d", Code.other(Double.class, "double")),
      Map.entry("c", Code.other(Character.class, "char")),
      Map.entry("u", Code.other(Character.class, "wchar_t")),
      Map.entry("?", Code.other(Boolean.class, "_Bool")));
  private static final Map<Class<?>, Serializable> ZEROS = Map.of(Byte.class, (byte) 0,
      Short.class, (short) 0, Integer.class, 0, Long.class, 0L, Float.class, 0f, Double.class, 0d,
      Character.class, '\0', Boolean.class, false);

  private Ctype() {}

  private static Code code(String typecode) {
    Code c = typecode == null ? null : CODES.get(typecode);
    if (c == null) {
      throw new IllegalArgumentException("unknown type code '" + typecode + "'; use one of "
          + new TreeSet<>(CODES.keySet()) + " as in CPython's array module");
    }
    return c;
  }

  /**
   * The Java type of {@code typecode}.
   *
   * @throws IllegalArgumentException for an unknown code
   */
  public static Class<?> of(String typecode) {
    return code(typecode).type();
  }

  /** The zero of {@code typecode}, what a new Array is filled with. */
  public static Serializable zero(String typecode) {
    return ZEROS.get(of(typecode));
  }

  /**
   * {@code value} as {@code typecode}'s Java type: as it is when of that type, else a number
   * converted exactly (an Integer for "d" becomes a Double).
   *
   * @throws IllegalArgumentException when it is null, of another kind, out of an integer code's
   *     range, or a number the code's type cannot hold exactly
   */
  public static Serializable check(String typecode, Object value) {
    Code c = code(typecode);
    if (value == null) {
      throw new IllegalArgumentException("type code '" + typecode + "' holds " + c.type()
          .getSimpleName() + ", not null: pass a value (" + ZEROS.get(c.type()) + " for zero)");
    }
    if (c.min() != null) {
      return integer(typecode, c, value);
    }
    if (c.type().isInstance(value)) {
      return (Serializable) value;
    }
    if ((c.type() == Double.class || c.type() == Float.class) && value instanceof Number n) {
      return floating(typecode, c, n);
    }
    throw new IllegalArgumentException("type code '" + typecode + "' holds " + c.type()
        .getSimpleName() + ", not " + value.getClass().getSimpleName());
  }

  private static Serializable integer(String typecode, Code c, Object value) {
    BigInteger v;
    if (value instanceof Byte || value instanceof Short || value instanceof Integer
        || value instanceof Long || value instanceof AtomicInteger || value instanceof AtomicLong) {
      v = BigInteger.valueOf(((Number) value).longValue());
    } else if (value instanceof BigInteger b) {
      v = b;
    } else {
      throw new IllegalArgumentException("type code '" + typecode + "' (" + c.ctype()
          + ") holds integers, as " + c.type().getSimpleName() + ": pass an integer, not "
          + value.getClass().getSimpleName() + " " + value);
    }
    if (v.compareTo(c.min()) < 0 || v.compareTo(c.max()) > 0) {
      throw new IllegalArgumentException("type code '" + typecode + "' (" + c.ctype()
          + ") holds " + c.min() + ".." + c.max() + ", not " + v);
    }
    long l = v.longValue();
    if (c.type() == Byte.class) {
      return (byte) l;
    } else if (c.type() == Short.class) {
      return (short) l;
    } else if (c.type() == Integer.class) {
      return (int) l;
    }
    return l;
  }

  private static Serializable floating(String typecode, Code c, Number n) {
    boolean integral = n instanceof Byte || n instanceof Short || n instanceof Integer
        || n instanceof Long || n instanceof AtomicInteger || n instanceof AtomicLong
        || n instanceof BigInteger;
    BigDecimal exact;
    if (integral) {
      exact = n instanceof BigInteger b ? new BigDecimal(b) : BigDecimal.valueOf(n.longValue());
    } else if (n instanceof Float || n instanceof Double) {
      double d = n.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return c.type() == Float.class ? (Serializable) (float) d : (Serializable) d;
      }
      exact = new BigDecimal(d);
    } else if (n instanceof BigDecimal b) {
      exact = b;
    } else {
      throw new IllegalArgumentException("type code '" + typecode + "' holds "
          + c.type().getSimpleName() + ", not " + n.getClass().getSimpleName());
    }
    Serializable converted = c.type() == Float.class ? (Serializable) exact.floatValue()
        : (Serializable) exact.doubleValue();
    double back = ((Number) converted).doubleValue();
    if (Double.isInfinite(back) || new BigDecimal(back).compareTo(exact) != 0) {
      throw new IllegalArgumentException("type code '" + typecode + "' (" + c.ctype()
          + ") cannot hold " + n + " exactly: pass a " + c.type().getSimpleName()
          + (c.type() == Float.class ? " (" + n + "f, say)" : ""));
    }
    return converted;
  }
}
