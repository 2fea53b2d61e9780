package io.multiproc;

/** The pipe contract under the "thread" start method. */
class ThreadPipeTest extends PipeContract {
  @Override
  protected String startMethod() {
    return "thread";
  }
}
