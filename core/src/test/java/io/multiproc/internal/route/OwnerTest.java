package io.multiproc.internal.route;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiproc.OwnerGoneError;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An owner's end, learnt from its process, fails what waits on it and what comes after. */
class OwnerTest {
  private static Owner of(Process p) {
    return new Owner(p.pid(), Owner.here().host(),
        p.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(-1L));
  }

  @Test
  void track_ownerKilled_waitFailsAndLaterCallsFailAtOnce() throws Exception {
    Process p = new ProcessBuilder("sleep", "600").start();
    try {
      Owner owner = of(p);
      CompletableFuture<Object> answer = new CompletableFuture<>();
      CountDownLatch hook = new CountDownLatch(1);
      owner.track(answer, "lock");
      owner.onGone(hook::countDown);
      assertFalse(owner.gone());
      p.destroyForcibly().waitFor();
      ExecutionException e = assertThrows(ExecutionException.class,
          () -> answer.get(60, TimeUnit.SECONDS));
      assertTrue(e.getCause() instanceof OwnerGoneError, e.getCause().toString());
      assertTrue(hook.await(60, TimeUnit.SECONDS), "the hook ran");
      assertTrue(owner.gone());
      CompletableFuture<Object> later = new CompletableFuture<>();
      owner.track(later, "lock");
      assertTrue(later.isCompletedExceptionally(), "a call after the end fails at once");
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void gone_pidOfAnotherProcess_isGoneAtOnce() throws Exception {
    Process p = new ProcessBuilder("sleep", "600").start();
    try {
      Owner reused = new Owner(p.pid(), Owner.here().host(), of(p).startMillis() - 60_000);
      assertTrue(reused.gone(), "a pid whose process started later is not the owner's");
      assertFalse(Owner.here().gone(), "this JVM is never gone to itself");
    } finally {
      p.destroyForcibly();
    }
  }
}
