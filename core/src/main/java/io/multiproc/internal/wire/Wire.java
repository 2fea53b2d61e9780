package io.multiproc.internal.wire;

import java.io.Serializable;

/**
 * INTERNAL API. Marks a protocol message that crosses JVMs. Such messages are bound to
 * {@link WireSerializer}: signed with the authkey on the way out and checked before any byte of
 * them is decoded on the way in.
 */
public interface Wire extends Serializable {}
