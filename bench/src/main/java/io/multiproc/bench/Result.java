package io.multiproc.bench;

import java.util.Locale;

/**
 * One scenario's outcome and its RESULT line:
 * {@code RESULT <scenario> multiproc=<v> <unit> cpython=<v> <unit> speedup=<x>}, where a speedup
 * above 1 means multiproc is better (cpython/multiproc for a time, multiproc/cpython for a rate).
 * Without a CPython value the line ends {@code cpython=<why>}, e.g.
 * {@code cpython=skipped (python3 not found)}, and has no speedup.
 *
 * @param cpython the CPython value, or null when there is none
 * @param noCpython why there is no CPython value, or null
 */
record Result(String scenario, String unit, boolean higherIsBetter, double multiproc, Double cpython,
    String noCpython) {

  /** Both sides measured. */
  static Result of(Scenario s, double multiproc, double cpython) {
    return new Result(s.name(), s.unit(), s.higherIsBetter(), multiproc, cpython, null);
  }

  /** Only the multiproc side, and why: e.g. {@code skipped (python3 not found)}. */
  static Result withoutCpython(Scenario s, double multiproc, String why) {
    return new Result(s.name(), s.unit(), s.higherIsBetter(), multiproc, null, why);
  }

  /** How many times better multiproc did, or NaN without a CPython value. */
  double speedup() {
    if (cpython == null) {
      return Double.NaN;
    }
    return higherIsBetter ? multiproc / cpython : cpython / multiproc;
  }

  String line() {
    String mine = String.format(Locale.ROOT, "%.3f %s", multiproc, unit);
    if (cpython == null) {
      return "RESULT " + scenario + " multiproc=" + mine + " cpython=" + noCpython;
    }
    return String.format(Locale.ROOT, "RESULT %s multiproc=%s cpython=%.3f %s speedup=%.2f",
        scenario, mine, cpython, unit, speedup());
  }
}
