package io.multiproc.internal.queue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * INTERNAL API. The items a {@link QueueState} handed to other JVMs and may have to take back:
 * those handed out and not yet confirmed (the getter's {@code get()} may not have returned), and
 * for a joinable queue those taken but not yet marked done. When their owner dies they go back to
 * the head of the queue, in the order they were taken. Guarded by the state's lock.
 */
final class Lent {
  private record HandedOut(byte[] item, Object owner) {}

  private final boolean joinable;
  private final Map<Long, HandedOut> handedOut = new LinkedHashMap<>(); // in hand-out order
  /** By owner, the items it took (and confirmed) but did not mark done yet, oldest first. */
  private final Map<Object, ArrayDeque<byte[]>> undone = new LinkedHashMap<>();

  /** {@code joinable}: items are kept after their confirmation, until task_done. */
  Lent(boolean joinable) {
    this.joinable = joinable;
  }

  /** {@code item} was handed to {@code owner} as the answer to get {@code id}. */
  void handOut(long id, byte[] item, Object owner) {
    handedOut.put(id, new HandedOut(item, owner));
  }

  /** The getter of {@code id} has the item; a joinable queue keeps it until its task_done. */
  void taken(long id) {
    HandedOut h = handedOut.remove(id);
    if (h != null && joinable) {
      undone.computeIfAbsent(h.owner(), k -> new ArrayDeque<>()).addLast(h.item());
    }
  }

  /**
   * One item is done: the oldest that {@code owner} took, or if it took none that is pending
   * (another process marks them done), the oldest of some other owner's.
   */
  void done(Object owner) {
    ArrayDeque<byte[]> mine = undone.get(owner);
    if (mine == null) {
      Iterator<ArrayDeque<byte[]>> any = undone.values().iterator();
      mine = any.hasNext() ? any.next() : null;
    }
    if (mine != null) {
      mine.pollFirst();
      undone.values().removeIf(ArrayDeque::isEmpty);
    }
  }

  /**
   * {@code owner} died: what it had, in the order to put back at the head (those taken and not
   * done, then those handed out and not confirmed).
   */
  List<byte[]> dropOwner(Object owner) {
    List<byte[]> back = new ArrayList<>();
    ArrayDeque<byte[]> notDone = undone.remove(owner);
    if (notDone != null) {
      back.addAll(notDone);
    }
    handedOut.values().removeIf(h -> {
      boolean dead = Objects.equals(h.owner(), owner);
      if (dead) {
        back.add(h.item());
      }
      return dead;
    });
    return back;
  }
}
