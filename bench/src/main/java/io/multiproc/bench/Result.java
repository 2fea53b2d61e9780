package io.multiproc.bench;

import java.util.Locale;

/**
 * One scenario's outcome and its RESULT line:
 * {@code RESULT <scenario> multiproc=<v> <unit> cpython=<v> <unit> speedup=<x>}, where a speedup
 * above 1 means multiproc is better (cpython/multiproc for a time, multiproc/cpython for a rate).
 *
 * @param cpython the CPython value, or null when that side was skipped
 * @param skipped why the CPython side was skipped, or null
 */
record Result(String scenario, String unit, boolean higherIsBetter, double multiproc, Double cpython,
    String skipped) {

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
      return "RESULT " + scenario + " multiproc=" + mine + " cpython=skipped (" + skipped + ")";
    }
    return String.format(Locale.ROOT, "RESULT %s multiproc=%s cpython=%.3f %s speedup=%.2f",
        scenario, mine, cpython, unit, speedup());
  }
}
