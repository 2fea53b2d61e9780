package io.multiproc.internal.sync;

import io.multiproc.internal.wire.Answer;
import java.io.Serializable;

/**
 * INTERNAL API. What the actors of the synchronisation primitives send to a JVM's {@link
 * SyncInbox}: answers to requests (matched by id) and the pushes a lock's lease holder gets.
 */
public sealed interface Reply extends Answer {

  /** Done, granted, true. */
  record Ok(long id) implements Reply {}

  /** Not granted in time, or false. */
  record No(long id) implements Reply {}

  /** Refused: the caller raises an error with this message. */
  record Failed(long id, String message) implements Reply {}

  /** A value the request asked for. */
  record Answer(long id, Serializable value) implements Reply {}

  /**
   * To the JVM holding lease {@code id} of a Lock: another process waits for it; give it back at
   * once if no thread holds it, else as soon as it is released.
   */
  record Recall(long id) implements Reply {}

  /**
   * To the JVM holding lease {@code id} of a Lock: another process released the lock (CPython lets
   * any process release a Lock); say with {@code LockState.Revoked} whether a thread held it.
   */
  record Revoke(long id) implements Reply {}
}
