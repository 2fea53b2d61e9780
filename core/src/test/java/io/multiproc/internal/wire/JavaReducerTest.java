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

  static final java.util.concurrent.atomic.AtomicReference<String> SEEN =
      new java.util.concurrent.atomic.AtomicReference<>();

  static void record(String s) {
    SEEN.set(s);
  }

  static void boom(String s) throws java.io.IOException {
    throw new java.io.IOException("boom " + s);
  }

  @Test
  void staticMethodReference_travelsByName_andCallsTheMethod() throws Exception {
    io.multiproc.Target.With1<String> t = JavaReducerTest::record;
    @SuppressWarnings("unchecked")
    io.multiproc.Target.With1<String> back =
        (io.multiproc.Target.With1<String>) reducer.loads(reducer.dumps(t));
    assertTrue(java.lang.reflect.Proxy.isProxyClass(back.getClass()), "resolved to a proxy");
    back.run("hello");
    assertEquals("hello", SEEN.get());
    Object again = reducer.loads(reducer.dumps(back));
    assertEquals(back, again, "a resolved target travels on unchanged");
  }

  @Test
  void staticMethodReference_throws_theTargetsOwnException() {
    io.multiproc.Target.With1<String> t = JavaReducerTest::boom;
    @SuppressWarnings("unchecked")
    io.multiproc.Target.With1<String> back =
        (io.multiproc.Target.With1<String>) reducer.loads(reducer.dumps(t));
    java.io.IOException e = assertThrows(java.io.IOException.class, () -> back.run("x"));
    assertEquals("boom x", e.getMessage());
  }

  @Test
  void lambdaWithBody_keepsJavasForm() throws Exception {
    io.multiproc.Target.With1<String> t = s -> SEEN.set("body " + s);
    @SuppressWarnings("unchecked")
    io.multiproc.Target.With1<String> back =
        (io.multiproc.Target.With1<String>) reducer.loads(reducer.dumps(t));
    assertTrue(!java.lang.reflect.Proxy.isProxyClass(back.getClass()));
    back.run("y");
    assertEquals("body y", SEEN.get());
  }

  @Test
  void commonItems_compactAndExact() {
    for (Object o : new Object[] {null, 0, -5, Integer.MAX_VALUE, 3L, "", "包子 ü", new byte[0]}) {
      Object back = reducer.loads(reducer.dumps(o));
      if (o instanceof byte[] b) {
        assertTrue(java.util.Arrays.equals(b, (byte[]) back));
      } else {
        assertEquals(o, back);
      }
    }
    assertEquals(5, reducer.dumps(42).length, "an int takes five bytes");
  }
}
