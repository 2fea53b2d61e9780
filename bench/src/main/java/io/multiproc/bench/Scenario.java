package io.multiproc.bench;

/**
 * One benchmark scenario: its multiproc side runs here, its CPython twin is the function of the same
 * name in {@code bench/cpython_bench.py}.
 */
interface Scenario {
  /** The name on the command line and in the RESULT line, e.g. {@code start.warm}. */
  String name();

  /** The unit of {@link #measure()}, e.g. {@code ms} or {@code items/s}. */
  String unit();

  /** True for a rate (more is better), false for a time (less is better). */
  boolean higherIsBetter();

  /** What is measured, in one line, printed on stderr before the scenario runs. */
  String description();

  /** Runs the multiproc side and returns its value in {@link #unit()}. */
  double measure() throws Exception;
}
