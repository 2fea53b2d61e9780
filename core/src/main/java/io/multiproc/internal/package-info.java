/**
 * INTERNAL API. The runtime, the lowest layer: the per-JVM ActorSystem, settings, the authkey, pid watching, the start methods found on the classpath and the ordered teardown (Finalizers). What higher layers add to its boot (Artery's TLS, the registry actor) and to its logs (the current process's name) comes through RuntimeHooks, so it names none of them.
 */
package io.multiproc.internal;
