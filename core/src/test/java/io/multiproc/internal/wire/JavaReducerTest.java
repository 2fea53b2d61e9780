package io.multiproc.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiproc.PicklingError;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

class JavaReducerTest {
  private final Reducer reducer = Reducer.get();

  @Test
  void values_roundTrip() {
    List<Object> value = new ArrayList<>(Arrays.asList(42, null, "heelo", 1.5,
        new HashMap<>(Map.of("k", List.of(1, 2)))));
    assertEquals(value, reducer.loads(reducer.dumps(value)));
  }

  @Test
  void jvmBoundLock_refused_namingPlaceAndWhatToUse() {
    Object[] args = {"ok", new ReentrantLock()};
    PicklingError e = assertThrows(PicklingError.class, () -> reducer.dumps(args));
    assertTrue(e.getMessage().contains("[1] is a java.util.concurrent.locks.ReentrantLock"),
        e.getMessage());
    assertTrue(e.getMessage().contains("io.multiproc.Lock"), e.getMessage());
  }

  @Test
  void executorInAMap_refused_namingTheKey() {
    Map<String, Object> m = new HashMap<>();
    m.put("pool", Executors.newSingleThreadExecutor());
    try {
      PicklingError e = assertThrows(PicklingError.class, () -> reducer.dumps(m));
      assertTrue(e.getMessage().contains("[pool]"), e.getMessage());
      assertTrue(e.getMessage().contains("io.multiproc.Pool"), e.getMessage());
    } finally {
      ((java.util.concurrent.ExecutorService) m.get("pool")).shutdown();
    }
  }

  static final class Outer implements Serializable {
    final Inner inner = new Inner();
  }

  static final class Inner implements Serializable {
    @SuppressWarnings("unused")
    final Object notSerializable = new StringBuilder("x").chars(); // a stream: not Serializable
  }

  @Test
  void nestedField_namedByItsPath() {
    PicklingError e = assertThrows(PicklingError.class, () -> reducer.dumps(new Outer()));
    assertTrue(e.getMessage().contains("Outer.inner.notSerializable"), e.getMessage());
    assertTrue(e.getMessage().contains("not Serializable"), e.getMessage());
  }

  @Test
  void lambdaCapture_namedAsCaptured() {
    Object lock = new ReentrantLock();
    Runnable r = (Runnable & Serializable) () -> lock.hashCode();
    PicklingError e = assertThrows(PicklingError.class, () -> reducer.dumps(r));
    assertTrue(e.getMessage().contains("(captured by the lambda)"), e.getMessage());
  }
}
