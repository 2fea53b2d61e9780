package io.multiproc.bench;

/** A scenario with its unit and direction, measured by {@code body}. */
record Measured(String name, String unit, boolean higherIsBetter, String description,
    StartScenarios.Measure body) implements Scenario {
  @Override
  public double measure() throws Exception {
    return body.run();
  }
}
