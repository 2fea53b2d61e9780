package io.multiproc.internal.wire;

/**
 * INTERNAL API. The answer of a transport itself to request {@code id}: everything sent before
 * the request was handled (a lane's sync at the end of a process).
 */
public record Ack(long id) implements Answer {}
