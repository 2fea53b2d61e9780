package io.multiproc.internal.wire;

import org.apache.pekko.actor.typed.ActorRef;

/**
 * INTERNAL API. A message for the shared object at {@code path}, sent over Artery to the one
 * gateway of the JVM that owns it, so that whatever one JVM sends to the objects of another
 * arrives, and is handled, in the order it was sent; {@code from} is the sending JVM (its
 * registry, which lives as long as it does).
 */
public record Envelope(String path, Wire message, ActorRef<?> from) implements Wire {}
