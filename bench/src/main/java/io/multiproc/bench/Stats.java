package io.multiproc.bench;

import java.util.Arrays;

/** Repeats a sample and keeps the median, as the CPython twin does with statistics.median. */
final class Stats {
  private Stats() {}

  /** One timed sample. */
  @FunctionalInterface
  interface Sample {
    double take() throws Exception;
  }

  static double median(int n, Sample s) throws Exception {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = s.take();
    }
    return median(values);
  }

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int m = v.length / 2;
    return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
  }
}
