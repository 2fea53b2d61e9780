package io.multiproc;

import java.io.Serializable;

/**
 * The code a {@link Process} runs: a serialisable lambda or method reference, the twin of CPython's
 * {@code target=} callable.
 *
 * <p>A target travels to the child JVM, so it and everything it captures must be
 * {@link Serializable}; a method reference to a static method captures nothing and always works.
 * The nested interfaces take the arguments that CPython passes with {@code args=(…)}.
 */
@FunctionalInterface
public interface Target extends Serializable {
  /** Runs in the child; an exception thrown here makes the exit code 1. */
  void run() throws Exception;

  /** A target taking one argument. */
  @FunctionalInterface
  interface With1<A> extends Serializable {
    /** Runs in the child with the argument given to the Process. */
    void run(A a) throws Exception;
  }

  /** A target taking two arguments. */
  @FunctionalInterface
  interface With2<A, B> extends Serializable {
    /** Runs in the child with the arguments given to the Process. */
    void run(A a, B b) throws Exception;
  }

  /** A target taking three arguments. */
  @FunctionalInterface
  interface With3<A, B, C> extends Serializable {
    /** Runs in the child with the arguments given to the Process. */
    void run(A a, B b, C c) throws Exception;
  }

  /** A target taking four arguments. */
  @FunctionalInterface
  interface With4<A, B, C, D> extends Serializable {
    /** Runs in the child with the arguments given to the Process. */
    void run(A a, B b, C c, D d) throws Exception;
  }
}
