package io.multiproc.samples;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the samples need to print values and test them as Python does. */
final class Py {
  private Py() {}

  /** Python's {@code repr}: None, True, 'text', [a, b], {k: v}. */
  static String repr(Object o) {
    if (o == null) {
      return "None";
    }
    if (o instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (o instanceof String s) {
      return "'" + s + "'";
    }
    if (o instanceof List<?> l) {
      return l.stream().map(Py::repr).collect(Collectors.joining(", ", "[", "]"));
    }
    if (o instanceof Map<?, ?> m) {
      return m.entrySet().stream().map(e -> repr(e.getKey()) + ": " + repr(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    return o.toString();
  }

  /** Python's {@code str}, which {@code print} uses: as repr, but a string is printed bare. */
  static String str(Object o) {
    return o instanceof String s ? s : repr(o);
  }

  /** Python's truth value: None, False, 0, 0.0, "" and empty collections are false. */
  static boolean truthy(Object o) {
    if (o == null || Boolean.FALSE.equals(o)) {
      return false;
    }
    if (o instanceof Number n) {
      return n.doubleValue() != 0;
    }
    if (o instanceof String s) {
      return !s.isEmpty();
    }
    if (o instanceof java.util.Collection<?> c) {
      return !c.isEmpty();
    }
    return !(o instanceof Map<?, ?> m) || !m.isEmpty();
  }

  /** Python's {@code str.center(width, fill)}, with its rule for an odd padding. */
  static String center(String s, int width, char fill) {
    int pad = width - s.length();
    if (pad <= 0) {
      return s;
    }
    int left = pad / 2 + (pad & width & 1);
    return String.valueOf(fill).repeat(left) + s + String.valueOf(fill).repeat(pad - left);
  }
}
