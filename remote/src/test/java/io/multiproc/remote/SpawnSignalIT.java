package io.multiproc.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.multiproc.Barrier;
import io.multiproc.Event;
import io.multiproc.Process;
import io.multiproc.Queue;
import io.multiproc.Semaphore;
import io.multiproc.SignalContract;
import io.multiproc.Value;
import io.multiproc.internal.ProcessRuntime;
import org.junit.jupiter.api.Test;

/** Event, Condition, Barrier, Value and Array with children started by "spawn". */
class SpawnSignalIT extends SignalContract {
  @Override
  protected String startMethod() {
    return "spawn";
  }

  /** Primitives a child gets, in one argument. */
  record Shared(Event go, Semaphore s, Barrier b, Value<Integer> v)
      implements java.io.Serializable {}

  static void useAll(Shared it, Queue<String> said) {
    it.go().await();
    it.s().acquire();
    it.v().set(it.v().get() + 1);
    it.s().release();
    it.b().await();
    said.put(ProcessRuntime.startedSystem() == null ? "no ActorSystem" : "an ActorSystem");
  }

  @Test
  void childUsingPrimitivesOverItsLane_neverStartsItsActorSystem() {
    assumeTrue(ProcessRuntime.settings().lanes(), "with lanes off, every message needs Artery");
    Event go = new Event();
    Semaphore s = new Semaphore(1);
    Barrier b = new Barrier(2);
    Value<Integer> v = new Value<>("i", 41);
    Queue<String> said = new Queue<>();
    Process p = ctx().process(SpawnSignalIT::useAll, new Shared(go, s, b, v), said);
    p.start();
    go.set();
    b.await();
    assertEquals("no ActorSystem", said.get(), "a spawned child boots Pekko only when it needs it");
    assertEquals(42, v.get());
    p.join();
    assertEquals(0, p.exitcode());
  }
}
