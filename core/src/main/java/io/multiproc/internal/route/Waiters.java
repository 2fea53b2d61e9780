package io.multiproc.internal.route;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Predicate;

/**
 * INTERNAL API. The one waiter queue of every shared object: waiters in arrival order, keyed by
 * their request id, each with an optional deadline; taken first come, first served, cancelled by
 * id, and dropped all at once when the peer that owns them dies. Every primitive's state and the
 * queue state keep their waiters here, so the rule is written, and tested, once.
 *
 * <p>Not thread-safe: a state uses it under its own lock. A
 * deadline is kept by a {@link Timer}, which tells the object (not this class) that a waiter's time
 * is up; the object then takes it out with {@link #remove} and answers it. Whatever takes a
 * waiter out cancels its deadline.
 *
 * @param <W> a waiter: the request that waits, with whatever its answer needs
 */
public final class Waiters<W> implements Iterable<W> {

  /** Keeps the deadlines of waiters: an ActorSystem's scheduler, or a scheduler thread. */
  public interface Timer {
    /** Tells the object that waiter {@code id}'s time is up, {@code ms} milliseconds from now. */
    void start(long id, long ms);

    /** Forgets the deadline of waiter {@code id} (it may have passed already). */
    void cancel(long id);

    /**
     * A scheduler thread: at the deadline of waiter {@code id}, {@code timedOut} runs on that
     * thread (and takes the object's lock itself).
     */
    static Timer of(ScheduledExecutorService scheduler, LongConsumer timedOut) {
      Map<Long, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
      return new Timer() {
        @Override
        public void start(long id, long ms) {
          pending.put(id, scheduler.schedule(() -> {
            pending.remove(id);
            timedOut.accept(id);
          }, ms, TimeUnit.MILLISECONDS));
        }

        @Override
        public void cancel(long id) {
          ScheduledFuture<?> f = pending.remove(id);
          if (f != null) {
            f.cancel(false);
          }
        }
      };
    }

    /**
     * An ActorSystem's scheduler (manual time in a test drives it): at the deadline of waiter
     * {@code id}, {@code timedOut} runs on {@code executor} (and takes the object's lock itself).
     */
    static Timer of(org.apache.pekko.actor.typed.Scheduler scheduler,
        scala.concurrent.ExecutionContextExecutor executor, LongConsumer timedOut) {
      Map<Long, org.apache.pekko.actor.Cancellable> pending = new ConcurrentHashMap<>();
      return new Timer() {
        @Override
        public void start(long id, long ms) {
          pending.put(id, scheduler.scheduleOnce(Duration.ofMillis(ms), () -> {
            pending.remove(id);
            timedOut.accept(id); // a waiter served meanwhile is not there any more: nothing
          }, executor));
        }

        @Override
        public void cancel(long id) {
          org.apache.pekko.actor.Cancellable c = pending.remove(id);
          if (c != null) {
            c.cancel();
          }
        }
      };
    }
  }

  private final LinkedHashMap<Long, W> byId = new LinkedHashMap<>();
  private final Timer timer;
  private final Function<? super W, ?> ownerOf;

  /**
   * An empty queue whose deadlines {@code timer} keeps; {@code ownerOf} names the peer a waiter
   * belongs to (what {@link #dropOwner} matches; it may be null for a waiter of nobody).
   */
  public Waiters(Timer timer, Function<? super W, ?> ownerOf) {
    this.timer = Objects.requireNonNull(timer, "timer");
    this.ownerOf = Objects.requireNonNull(ownerOf, "ownerOf");
  }

  /**
   * Adds {@code waiter} as request {@code id}, last in line; its time is up after
   * {@code timeoutMs} (negative: never; 0: as soon as the timer can say so).
   *
   * @throws IllegalStateException when {@code id} waits already
   */
  public void add(long id, W waiter, long timeoutMs) {
    if (byId.putIfAbsent(id, waiter) != null) {
      throw new IllegalStateException("request " + id + " waits already");
    }
    if (timeoutMs >= 0) {
      timer.start(id, timeoutMs);
    }
  }

  /** Takes out the first waiter (its deadline cancelled); null when none waits. */
  public W takeFirst() {
    Iterator<Map.Entry<Long, W>> it = byId.entrySet().iterator();
    if (!it.hasNext()) {
      return null;
    }
    Map.Entry<Long, W> first = it.next();
    it.remove();
    timer.cancel(first.getKey());
    return first.getValue();
  }

  /** The first waiter, left in line; null when none waits. */
  public W peekFirst() {
    Iterator<W> it = byId.values().iterator();
    return it.hasNext() ? it.next() : null;
  }

  /**
   * Takes out waiter {@code id} (cancelled, or its time is up); null when it does not wait (it
   * was served, cancelled or dropped already).
   */
  public W remove(long id) {
    W w = byId.remove(id);
    if (w != null) {
      timer.cancel(id);
    }
    return w;
  }

  /** Whether request {@code id} waits. */
  public boolean contains(long id) {
    return byId.containsKey(id);
  }

  /** Takes out, in order, every waiter of {@code owner} (the peer died); returns them. */
  public List<W> dropOwner(Object owner) {
    return removeIf(w -> Objects.equals(ownerOf.apply(w), owner));
  }

  /** Takes out, in order, every waiter {@code which} accepts; returns them. */
  public List<W> removeIf(Predicate<? super W> which) {
    List<W> out = new ArrayList<>();
    Iterator<Map.Entry<Long, W>> it = byId.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Long, W> e = it.next();
      if (which.test(e.getValue())) {
        it.remove();
        timer.cancel(e.getKey());
        out.add(e.getValue());
      }
    }
    return out;
  }

  /** Takes out every waiter, in order; returns them. */
  public List<W> takeAll() {
    return removeIf(w -> true);
  }

  /** Whether a waiter of {@code owner} waits. */
  public boolean hasOwner(Object owner) {
    for (W w : byId.values()) {
      if (Objects.equals(ownerOf.apply(w), owner)) {
        return true;
      }
    }
    return false;
  }

  /** How many wait. */
  public int size() {
    return byId.size();
  }

  /** Whether none waits. */
  public boolean isEmpty() {
    return byId.isEmpty();
  }

  /** The waiters in arrival order, read-only: take them out with the methods above. */
  public Collection<W> inOrder() {
    return Collections.unmodifiableCollection(byId.values());
  }

  /** The waiters in arrival order; the iterator cannot remove. */
  @Override
  public Iterator<W> iterator() {
    return inOrder().iterator();
  }
}
