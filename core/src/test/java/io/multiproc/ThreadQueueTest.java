package io.multiproc;

/** The queue contract under the "thread" start method. */
class ThreadQueueTest extends QueueContract {
  @Override
  protected String startMethod() {
    return "thread";
  }
}
