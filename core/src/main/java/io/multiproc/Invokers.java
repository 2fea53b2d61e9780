package io.multiproc;

import io.multiproc.internal.pool.Invoker;
import java.util.ArrayList;
import java.util.List;

/**
 * A pool task of any arity as the worker calls it: its arguments come with each item, so the
 * invoker holds the task alone, and a task that captures nothing is encoded once per pool.
 */
final class Invokers {
  private Invokers() {}

  static Invoker of(Task<?> fn) {
    return a -> fn.call();
  }

  @SuppressWarnings("unchecked")
  static Invoker of(Task.With1<?, ?> fn) {
    Task.With1<Object, Object> f = (Task.With1<Object, Object>) fn;
    return a -> f.call(a[0]);
  }

  @SuppressWarnings("unchecked")
  static Invoker of(Task.With2<?, ?, ?> fn) {
    Task.With2<Object, Object, Object> f = (Task.With2<Object, Object, Object>) fn;
    return a -> f.call(a[0], a[1]);
  }

  @SuppressWarnings("unchecked")
  static Invoker of(Task.With3<?, ?, ?, ?> fn) {
    Task.With3<Object, Object, Object, Object> f = (Task.With3<Object, Object, Object, Object>) fn;
    return a -> f.call(a[0], a[1], a[2]);
  }

  /** Each argument list of a starmap as an array, checked to hold {@code arity} arguments. */
  static List<Object[]> spread(Iterable<? extends List<?>> argLists, int arity) {
    List<Object[]> args = new ArrayList<>();
    int i = 0;
    for (List<?> l : argLists) {
      if (l == null || l.size() != arity) {
        throw new IllegalArgumentException("starmap's function takes " + arity
            + " arguments, but argument list " + i + " is " + l + ": give each item a list of "
            + arity);
      }
      args.add(l.toArray());
      i++;
    }
    return args;
  }

}
