package io.multiproc;

/** The event, condition, barrier and value contract under the "thread" start method. */
class ThreadSignalTest extends SignalContract {
  @Override
  protected String startMethod() {
    return "thread";
  }
}
