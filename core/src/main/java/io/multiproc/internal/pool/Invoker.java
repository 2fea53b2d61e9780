package io.multiproc.internal.pool;

import java.io.Serializable;

/**
 * INTERNAL API. A pool task's function with its arguments spread: what a worker calls for each
 * item of a chunk. The API makes one from the user's task of any arity.
 */
@FunctionalInterface
public interface Invoker extends Serializable {
  /** Calls the task with {@code args}; what it returns is the item's result. */
  Object call(Object[] args) throws Exception;
}
