package io.multiproc.bench;

/**
 * One benchmark scenario: its multiproc side runs here, its CPython twin is the entry of the same
 * name in {@code SCENARIOS} of {@code bench/cpython_bench.py}, which prints {@code VALUE <number>}
 * in the same unit.
 *
 * <p>To add one: implement it (a {@code Timed} in {@link StartScenarios} or a {@code Measured} in
 * {@link MessagingScenarios}, or a new group whose {@code all()} {@link Bench#scenarios()} adds),
 * with its targets as static methods of this jar; add the twin to {@code cpython_bench.py} with
 * the same iteration counts and warm-up; BenchTest checks that both sides know the same names.
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
