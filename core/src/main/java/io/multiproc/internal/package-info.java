/**
 * INTERNAL API. The runtime, the lowest layer: the per-JVM ActorSystem, settings, the authkey, pid watching and the ordered teardown (Finalizers). It still holds the process bookkeeping (ProcessRuntime's Process objects, the thread start method), which the layering test lists as known debt until it moves to a process package above the objects.
 */
package io.multiproc.internal;
