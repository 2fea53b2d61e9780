/**
 * INTERNAL API. The pool's protocol (objects layer): the work-pulling router state in the pool's
 * JVM ({@link io.multiproc.internal.pool.PoolState}), the loop every worker runs
 * ({@link io.multiproc.internal.pool.PoolWorker}), and the pool's jobs, which turn the results
 * of chunks into what {@code Pool}'s callers wait for ({@link io.multiproc.internal.pool.Jobs}).
 * Workers reach the state over the route (in-JVM, lane or Artery), as every shared object.
 */
package io.multiproc.internal.pool;
