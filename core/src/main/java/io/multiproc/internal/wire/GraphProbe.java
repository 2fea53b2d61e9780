package io.multiproc.internal.wire;

import java.io.NotSerializableException;
import java.io.Serializable;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;

/**
 * INTERNAL API. Finds where in an object graph the thing that cannot be sent sits, so that the
 * error names a field or an argument rather than only a class (Java's own message names the class).
 */
final class GraphProbe {
  private static final int MAX_NODES = 100_000;

  private GraphProbe() {}

  /** What to use instead of a JVM-bound object, or null when {@code o} may travel. */
  static String jvmBound(Object o) {
    if (o instanceof Thread) {
      return "a thread runs in one JVM only; start an io.multiproc.Process instead";
    }
    if (o instanceof BlockingQueue) {
      return "it lives in this JVM's memory and holds a lock; use io.multiproc.Queue to pass items"
          + " between processes";
    }
    if (o instanceof Lock || o instanceof ReadWriteLock || o instanceof Condition) {
      return "a lock works inside one JVM only; use io.multiproc.Lock, RLock or Condition";
    }
    if (o instanceof Semaphore) {
      return "it counts permits in this JVM only; use io.multiproc.Semaphore";
    }
    if (o instanceof CountDownLatch || o instanceof CyclicBarrier || o instanceof Phaser) {
      return "it synchronises threads of this JVM only; use io.multiproc.Event or Barrier";
    }
    if (o instanceof ExecutorService) {
      return "its threads run in this JVM only; use io.multiproc.Pool";
    }
    return null;
  }

  /** A message for the failure {@code cause} met while writing {@code root}. */
  static String describe(Object root, NotSerializableException cause) {
    String found = find(root);
    if (found != null) {
      return "cannot be sent to another process: " + found;
    }
    return "cannot be sent to another process: a " + cause.getMessage()
        + " in it is not Serializable; make that type implement java.io.Serializable or mark the"
        + " field that holds it transient";
  }

  private record Node(Object value, String path) {}

  private static String find(Object root) {
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Node> todo = new ArrayDeque<>();
    todo.push(new Node(root, root == null ? "value" : root.getClass().getSimpleName()));
    int visited = 0;
    while (!todo.isEmpty() && visited++ < MAX_NODES) {
      Node n = todo.pop();
      Object o = n.value();
      if (o == null || o instanceof Class || !seen.add(o)) {
        continue;
      }
      String instead = jvmBound(o);
      if (instead != null) {
        return n.path() + " is a " + o.getClass().getName() + ": " + instead;
      }
      if (!(o instanceof Serializable)) {
        return n.path() + " is a " + o.getClass().getName() + ", which is not Serializable;"
            + " make it implement java.io.Serializable, mark the field transient, or create it in"
            + " the child";
      }
      children(n, todo);
    }
    return null;
  }

  private static void children(Node n, Deque<Node> todo) {
    Object o = n.value();
    Class<?> type = o.getClass();
    if (type.isArray()) {
      if (!type.getComponentType().isPrimitive()) {
        for (int i = Array.getLength(o) - 1; i >= 0; i--) {
          todo.push(new Node(Array.get(o, i), n.path() + "[" + i + "]"));
        }
      }
      return;
    }
    if (o instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        todo.push(new Node(e.getKey(), n.path() + ".key(" + e.getKey() + ")"));
        todo.push(new Node(e.getValue(), n.path() + "[" + e.getKey() + "]"));
      }
      return;
    }
    if (o instanceof Collection<?> c) {
      int i = 0;
      for (Object element : c) {
        todo.push(new Node(element, n.path() + "[" + i++ + "]"));
      }
      return;
    }
    String name = type.getName();
    if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
        || name.startsWith("sun.") || name.startsWith("scala.") || name.startsWith("org.apache.pekko.")) {
      return; // platform classes: their fields are not ours to read
    }
    boolean lambda = name.contains("$$Lambda");
    for (Class<?> k = type; k != null && k != Object.class; k = k.getSuperclass()) {
      for (Field f : k.getDeclaredFields()) {
        int mod = f.getModifiers();
        if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || f.getType().isPrimitive()) {
          continue;
        }
        try {
          f.setAccessible(true);
          String label = lambda ? "(captured by the lambda)" : "." + f.getName();
          todo.push(new Node(f.get(o), n.path() + label));
        } catch (RuntimeException | IllegalAccessException e) {
          // an inaccessible field cannot be probed; Java's own message still names the class
        }
      }
    }
  }
}
