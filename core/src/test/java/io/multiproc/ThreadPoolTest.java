package io.multiproc;

/** The pool contract under the "thread" start method: CPython's ThreadPool. */
class ThreadPoolTest extends PoolContract {
  @Override
  protected String startMethod() {
    return "thread";
  }
}
