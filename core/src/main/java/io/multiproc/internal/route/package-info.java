/**
 * INTERNAL API. The route: the layer under the shared objects (queues, pipes, the
 * synchronisation primitives, later Pool and Manager) and over the transports. It owns what every
 * object needs the same way: one waiter queue ({@link io.multiproc.internal.route.Waiters}: first
 * come, first served, a deadline per waiter, cancel, drop-by-owner), the way to an object chosen
 * once per handle ({@link io.multiproc.internal.route.Route}: in-JVM, lane or Artery; request
 * ids, the answer's inbox, timeouts, the owner-gone error), the owner's JVM as a client watches it
 * ({@link io.multiproc.internal.route.Owner}) and the lanes read for pushes
 * ({@link io.multiproc.internal.route.PushLanes}). It knows no object's protocol.
 */
package io.multiproc.internal.route;
