package io.multiproc.internal.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one waiter queue: first come, first served; a deadline per waiter, started when it comes
 * and cancelled whichever way it leaves; cancel by id; every waiter of a dead owner dropped.
 */
class WaitersTest {

  /** A waiter of this test: its name and the peer it belongs to. */
  private record W(String name, String owner) {}

  /** Keeps what the queue told its timer: the deadlines running now, and every call in order. */
  private static final class RecordingTimer implements Waiters.Timer {
    final Map<Long, Long> running = new HashMap<>();
    final List<String> calls = new ArrayList<>();

    @Override
    public void start(long id, long ms) {
      running.put(id, ms);
      calls.add("start " + id + " " + ms);
    }

    @Override
    public void cancel(long id) {
      running.remove(id);
      calls.add("cancel " + id);
    }
  }

  private final RecordingTimer timer = new RecordingTimer();
  private final Waiters<W> waiters = new Waiters<>(timer, W::owner);

  @Test
  void takeFirst_severalWaiters_takenInArrivalOrder() {
    waiters.add(30, new W("a", "p"), -1);
    waiters.add(10, new W("b", "q"), -1);
    waiters.add(20, new W("c", "p"), -1);
    assertEquals("a", waiters.peekFirst().name(), "peek leaves the first in line");
    assertEquals(3, waiters.size());
    assertEquals("a", waiters.takeFirst().name());
    assertEquals("b", waiters.takeFirst().name());
    assertEquals("c", waiters.takeFirst().name());
    assertNull(waiters.takeFirst(), "none left");
    assertNull(waiters.peekFirst());
    assertTrue(waiters.isEmpty());
  }

  @Test
  void add_withTimeout_deadlineStartedOnlyForNonNegative() {
    waiters.add(1, new W("forever", "p"), -1);
    waiters.add(2, new W("zero", "p"), 0);
    waiters.add(3, new W("later", "p"), 250);
    assertEquals(Map.of(2L, 0L, 3L, 250L), timer.running,
        "a negative timeout waits for ever: no deadline; 0 and more: one");
  }

  @Test
  void add_idWaitsAlready_refusedAndFirstKept() {
    waiters.add(7, new W("first", "p"), 100);
    assertThrows(IllegalStateException.class, () -> waiters.add(7, new W("second", "q"), 5));
    assertEquals(1, waiters.size());
    assertEquals("first", waiters.peekFirst().name());
    assertEquals(Map.of(7L, 100L), timer.running, "the refused add started no deadline");
  }

  @Test
  void takeFirst_waiterWithDeadline_deadlineCancelled() {
    waiters.add(1, new W("a", "p"), 100);
    waiters.add(2, new W("b", "p"), 200);
    waiters.takeFirst();
    assertEquals(Map.of(2L, 200L), timer.running);
    assertEquals(List.of("start 1 100", "start 2 200", "cancel 1"), timer.calls);
  }

  @Test
  void remove_byId_takesThatWaiterOnlyAndCancelsItsDeadline() {
    waiters.add(1, new W("a", "p"), 100);
    waiters.add(2, new W("b", "p"), 200);
    waiters.add(3, new W("c", "p"), 300);
    assertEquals("b", waiters.remove(2).name());
    assertFalse(waiters.contains(2));
    assertTrue(waiters.contains(1) && waiters.contains(3));
    assertEquals(Map.of(1L, 100L, 3L, 300L), timer.running);
    assertEquals("a", waiters.takeFirst().name(), "the others keep their order");
    assertEquals("c", waiters.takeFirst().name());
  }

  @Test
  void remove_idNotWaiting_nullAndTimerNotTold() {
    waiters.add(1, new W("a", "p"), 100);
    assertEquals("a", waiters.takeFirst().name());
    int calls = timer.calls.size();
    assertNull(waiters.remove(1), "served already: a late cancel or deadline finds nothing");
    assertNull(waiters.remove(99), "never waited");
    assertEquals(calls, timer.calls.size(), "nothing more told to the timer");
  }

  @Test
  void remove_thenSameIdAgain_addAccepted() {
    waiters.add(5, new W("a", "p"), 10);
    waiters.remove(5);
    waiters.add(5, new W("b", "p"), 20);
    assertEquals("b", waiters.peekFirst().name());
    assertEquals(Map.of(5L, 20L), timer.running);
  }

  @Test
  void dropOwner_deadPeer_itsWaitersTakenInOrderOthersStay() {
    waiters.add(1, new W("p1", "p"), 100);
    waiters.add(2, new W("q1", "q"), 200);
    waiters.add(3, new W("p2", "p"), -1);
    waiters.add(4, new W("q2", "q"), 400);
    assertTrue(waiters.hasOwner("p"));
    List<W> dropped = waiters.dropOwner("p");
    assertEquals(List.of(new W("p1", "p"), new W("p2", "p")), dropped);
    assertFalse(waiters.hasOwner("p"));
    assertTrue(waiters.hasOwner("q"));
    assertEquals(Map.of(2L, 200L, 4L, 400L), timer.running, "the dropped waiters' deadlines end");
    assertEquals(List.of(new W("q1", "q"), new W("q2", "q")), List.copyOf(waiters.inOrder()));
    assertEquals(List.of(), waiters.dropOwner("p"), "a second death notice finds nothing");
  }

  @Test
  void dropOwner_nullOwner_matchesWaitersOfNobody() {
    waiters.add(1, new W("nobody", null), -1);
    waiters.add(2, new W("q", "q"), -1);
    assertEquals(List.of(new W("nobody", null)), waiters.dropOwner(null));
    assertEquals(1, waiters.size());
  }

  @Test
  void removeIf_predicate_takesMatchesInOrderAndCancelsTheirDeadlines() {
    waiters.add(1, new W("a", "p"), 0);
    waiters.add(2, new W("b", "p"), 50);
    waiters.add(3, new W("c", "p"), 0);
    List<W> taken = waiters.removeIf(w -> !w.name().equals("b"));
    assertEquals(List.of(new W("a", "p"), new W("c", "p")), taken);
    assertEquals(Map.of(2L, 50L), timer.running);
  }

  @Test
  void takeAll_severalWaiters_allInOrderAndNoDeadlineLeft() {
    waiters.add(1, new W("a", "p"), 10);
    waiters.add(2, new W("b", "q"), 20);
    assertEquals(List.of(new W("a", "p"), new W("b", "q")), waiters.takeAll());
    assertTrue(waiters.isEmpty());
    assertTrue(timer.running.isEmpty());
  }

  @Test
  void iterator_readOnly_cannotRemove() {
    waiters.add(1, new W("a", "p"), -1);
    Iterator<W> it = waiters.iterator();
    assertEquals("a", it.next().name());
    assertThrows(UnsupportedOperationException.class, it::remove);
    assertThrows(UnsupportedOperationException.class, () -> waiters.inOrder().clear());
    assertEquals(1, waiters.size());
  }
}
