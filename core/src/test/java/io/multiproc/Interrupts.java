package io.multiproc;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;

/** Interrupts a thread of this JVM blocked in a primitive's call, and reports how it ended. */
final class Interrupts {
  private Interrupts() {}

  /** What a blocking call does before it waits, and after its wait raised (in the same thread). */
  interface Call {
    void run() throws Exception;
  }

  /**
   * Runs {@code blocking} in a new thread, interrupts that thread once {@code waiting} reached 1
   * (it polls), and asserts that the call raised ProcessError with an InterruptedException cause
   * and kept the interrupt flag; then runs {@code after} in that thread (what CPython's caller
   * does once the wait raised: release the lock it holds again).
   */
  static void interruptWhileWaiting(Call blocking, IntSupplier waiting, Call after)
      throws Exception {
    AtomicReference<Throwable> raised = new AtomicReference<>();
    AtomicReference<Throwable> afterFailed = new AtomicReference<>();
    AtomicBoolean flagKept = new AtomicBoolean();
    Thread t = new Thread(() -> {
      try {
        blocking.run();
      } catch (Throwable e) {
        raised.set(e);
      }
      flagKept.set(Thread.interrupted());
      try {
        after.run();
      } catch (Throwable e) {
        afterFailed.set(e);
      }
    }, "interrupted-waiter");
    t.start();
    SyncContract.awaitCount(waiting, 1);
    t.interrupt();
    t.join();
    assertNotNull(raised.get(), "the interrupted wait returned normally");
    assertInstanceOf(ProcessError.class, raised.get());
    assertInstanceOf(InterruptedException.class, raised.get().getCause(), raised.get().toString());
    assertTrue(flagKept.get(), "the interrupt flag was cleared");
    if (afterFailed.get() != null) {
      throw new AssertionError("after the interrupted wait: " + afterFailed.get(),
          afterFailed.get());
    }
  }
}
