/**
 * INTERNAL API. The route: the layer under the shared objects (queues, pipes, the
 * synchronisation primitives, later Pool and Manager) and over the transports. It owns what every
 * object needs the same way: one waiter queue ({@link io.multiproc.internal.route.Waiters}: first
 * come, first served, a deadline per waiter, cancel, drop-by-owner), and, as they move here, the
 * choice of in-JVM, lane or Artery per handle, request ids, replies, pushes and the one "peer
 * gone" event. It knows no object's protocol.
 */
package io.multiproc.internal.route;
