package io.multiproc.internal.queue;

import io.multiproc.internal.wire.Answer;
import io.multiproc.internal.wire.Wire;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * INTERNAL API. The protocol of a Queue, JoinableQueue, SimpleQueue or pipe end: the requests its
 * {@link QueueState} handles and the answers it gives, whichever way they come (a call in the
 * state's JVM, a lane, the gateway for Artery).
 */
public final class QueueProtocol {

  /** The queue's protocol. */
  public sealed interface Command extends Wire
      permits Put, PutPart, PutBatch, Get, Taken, Size, TaskDone, Join, TimedOut, Attach, Claim,
          Detach, Poll {
    /** Where the answer goes over Artery; null when the request needs none or came otherwise. */
    default ActorRef<Reply> replyTo() {
      return null;
    }

    /** The registry of the requesting JVM, watched over Artery; null when it came otherwise. */
    default ActorRef<?> jvm() {
      return null;
    }
  }

  /** Items bigger than this travel in parts of this size: Artery's frames are 256 KiB. */
  public static final int PART = 128 * 1024;

  /**
   * Stores {@code item}; waits for room when {@code block} (at most {@code timeoutMs}, or for ever
   * when negative); answers {@link Ok} or {@link Full}.
   */
  public record Put(long id, byte[] item, boolean block, long timeoutMs, ActorRef<Reply> replyTo,
      ActorRef<?> jvm) implements Command {}

  /**
   * A leading part of a big item; the {@link Put} of the same id carries the last part and
   * completes it ({@code item} is then only that part, and {@code parts} more than one).
   */
  public record PutPart(long id, byte[] bytes, ActorRef<?> jvm) implements Command {}

  /**
   * Stores {@code items} in their order in an unbounded queue or pipe end; answers {@link Ok}.
   * A producer's puts travel so, many to a message, while earlier ones are on their way.
   */
  public record PutBatch(long id, java.util.List<byte[]> items, ActorRef<Reply> replyTo,
      ActorRef<?> jvm) implements Command {}

  /** Asks for the head item; waits when {@code block}; answers {@link Item} or {@link Empty}. */
  public record Get(long id, boolean block, long timeoutMs, ActorRef<Reply> replyTo,
      ActorRef<?> jvm) implements Command {}

  /**
   * The getter of {@code id} decoded the item and is about to return it: it is no longer the
   * queue's to give back. Answered with {@link Ok} where {@code replyTo} is set (over Artery, so
   * that the getter returns only once the queue knows).
   */
  public record Taken(long id, ActorRef<Reply> replyTo) implements Command {}

  /** Asks for the size; answers {@link Sizes}. */
  public record Size(long id, ActorRef<Reply> replyTo) implements Command {}

  /**
   * JoinableQueue's task_done, by the process of {@code jvm}; answers {@link Ok} or {@link Failed}
   * when called too often.
   */
  public record TaskDone(long id, ActorRef<Reply> replyTo, ActorRef<?> jvm) implements Command {}

  /** JoinableQueue's join: answers {@link Ok} once every item put was marked done. */
  public record Join(long id, ActorRef<Reply> replyTo, ActorRef<?> jvm) implements Command {}

  /**
   * A pipe end: one more open copy of the connection that writes into this mailbox, or reads it
   * where {@code reads} (a copy about to travel to another process); answers {@link Ok}.
   */
  public record Attach(long id, long copy, boolean reads, ActorRef<Reply> replyTo)
      implements Command {}

  /**
   * A pipe end: the process of {@code jvm} holds copy {@code copy} (of the reading connection
   * where {@code reads}, else of the writing one) now; its death closes it.
   */
  public record Claim(long copy, boolean reads, ActorRef<?> jvm) implements Command {}

  /** A pipe end: copy {@code copy} of the reading (where {@code reads}) or writing connection closed. */
  public record Detach(long copy, boolean reads) implements Command {}

  /**
   * A pipe end: answers {@link Ok} as soon as something can be received (an item, or the end of
   * the stream), {@link Empty} when {@code timeoutMs} passes first (negative: wait for ever).
   */
  public record Poll(long id, long timeoutMs, ActorRef<Reply> replyTo, ActorRef<?> jvm)
      implements Command {}

  /** A waiting put, get or poll ran out of time (sent by the state's timer to the state). */
  record TimedOut(long id) implements Command {}

  /** Answers, each for the request with the same id. */
  public sealed interface Reply extends Answer
      permits Ok, Item, ItemPart, Full, Empty, Failed, Sizes, Eof {}

  /** Done. */
  public record Ok(long id) implements Reply {}

  /** The item for get {@code id}; confirm it with {@link Taken}. */
  public record Item(long id, byte[] item) implements Reply {}

  /** One part of a big item for get {@code id}; {@code total} is the item's size in bytes. */
  public record ItemPart(long id, int total, byte[] bytes) implements Reply {}

  /** A pipe end: every copy of the writing connection is closed and nothing is left to read. */
  public record Eof(long id) implements Reply {}

  /** The queue stayed full. */
  public record Full(long id) implements Reply {}

  /** The queue stayed empty. */
  public record Empty(long id) implements Reply {}

  /** Refused, with the reason. */
  public record Failed(long id, String message) implements Reply {}

  /** The number of items, whether the queue is full, and how many getters wait. */
  public record Sizes(long id, int size, boolean full, int waitingGetters) implements Reply {}

  private QueueProtocol() {}
}
