package io.multiproc;

/** The process contract under the "thread" start method (CPython's multiprocessing.dummy). */
class ThreadProcessTest extends ProcessContract {
  @Override
  protected String startMethod() {
    return "thread";
  }
}
