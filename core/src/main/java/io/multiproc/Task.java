package io.multiproc;

import java.io.Serializable;

/**
 * A function a pool runs in a worker process and whose result comes back: a serialisable lambda
 * or method reference, like a process's {@link Target}, with up to four arguments
 * ({@link With1} … {@link With4}). Method references to static methods travel by name; a lambda
 * travels with what it captures, which must be serialisable.
 *
 * @param <R> the type of the result
 */
@FunctionalInterface
public interface Task<R> extends Serializable {
  /** Computes the result; what it throws is raised by the caller's {@code get()}. */
  R call() throws Exception;

  /** A task of one argument, as {@code Pool.map} calls per item. */
  @FunctionalInterface
  interface With1<A, R> extends Serializable {
    /** Computes the result for {@code a}. */
    R call(A a) throws Exception;
  }

  /** A task of two arguments. */
  @FunctionalInterface
  interface With2<A, B, R> extends Serializable {
    /** Computes the result for {@code a} and {@code b}. */
    R call(A a, B b) throws Exception;
  }

  /** A task of three arguments. */
  @FunctionalInterface
  interface With3<A, B, C, R> extends Serializable {
    /** Computes the result for the three arguments. */
    R call(A a, B b, C c) throws Exception;
  }

  /** A task of four arguments. */
  @FunctionalInterface
  interface With4<A, B, C, D, R> extends Serializable {
    /** Computes the result for the four arguments. */
    R call(A a, B b, C c, D d) throws Exception;
  }
}
