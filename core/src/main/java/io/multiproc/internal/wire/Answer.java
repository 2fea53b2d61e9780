package io.multiproc.internal.wire;

/**
 * INTERNAL API. A message that answers a request, or that an object's owner sends on its own
 * about one (a push: a lock's recall of the lease granted to request {@code id}). The transports
 * hand an answer to whoever waits for its id, and anything else to the handler its protocol
 * registered for strays.
 */
public interface Answer extends Wire {
  /** The id of the request this answers, or concerns. */
  long id();
}
