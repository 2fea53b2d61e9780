package io.multiproc.internal.pool;

import io.multiproc.internal.route.Waiters;
import io.multiproc.internal.sync.Reply;
import io.multiproc.internal.sync.SyncState;
import io.multiproc.internal.transport.Peer;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * INTERNAL API. The pool's router, in the pool's JVM: a queue of chunks, and the workers that
 * asked for one. Work is pulled: a worker's {@link Next} carries the results of the chunk it ran
 * and asks for another, which it gets at once when one waits, or as soon as one is submitted. So
 * no chunk waits behind a slow task while a worker is idle. A chunk is the worker's until its
 * results come; when its worker ends first ({@link #workerEnded}), the chunk runs again on
 * another worker while it has retries left, and is reported lost otherwise.
 *
 * <p>What happens to chunks is told to a {@link Sink}, through one executor, in the order it
 * happened here.
 */
public final class PoolState extends SyncState<PoolState.Command> {
  /** How many functions a worker keeps decoded; the router mirrors each worker's cache. */
  static final int FUNCTIONS_KEPT = 256;
  private static final Waiters.Timer NO_DEADLINES = new Waiters.Timer() {
    @Override
    public void start(long id, long ms) {
      throw new IllegalStateException("a worker waits for work without a deadline");
    }

    @Override
    public void cancel(long id) {}
  };

  /** What becomes of chunks; called through the state's executor, in order. */
  public interface Sink {
    /** The chunk ran: {@code results} encodes the list of its items' results. */
    void done(long chunk, byte[] results);

    /** The chunk raised: {@code failure} encodes a {@link PoolWorker.Failure}. */
    void failed(long chunk, byte[] failure);

    /** The chunk's worker ended before its results came, and it has no retry left. */
    void lost(long chunk, String why);

    /** A worker's initializer raised: {@code failure} encodes a {@link PoolWorker.Failure}. */
    void initFailed(byte[] failure);
  }

  /** The requests of workers. */
  public sealed interface Command extends SyncState.Request permits Next, InitFailed {}

  /**
   * Worker {@code worker} gives the results of chunk {@code done} (0: none yet) and asks for the
   * next chunk unless {@code retiring}. Answered with {@link Reply.Answer} of a {@link Chunk},
   * or {@link Reply.No}: stop.
   */
  public record Next(long id, long worker, long done, byte[] results, boolean failed,
      boolean retiring, ActorRef<Reply> replyTo) implements Command {}

  /** Worker {@code worker}'s initializer raised; answered with {@link Reply.Ok}. */
  public record InitFailed(long id, long worker, byte[] failure, ActorRef<Reply> replyTo)
      implements Command {}

  /**
   * A chunk as a worker gets it: the function's code only when the worker does not hold it yet,
   * and the encoded list of each item's arguments.
   */
  public record Chunk(long chunk, long function, byte[] code, byte[] args) implements Serializable {}

  /** A chunk to run: its function, and how many times it ran already on workers that ended. */
  public record Work(long chunk, long function, byte[] code, byte[] args, int attempts) {}

  private record Idle(long id, Replier to, Peer owner, long worker) {}

  private record Running(Work work, long worker) {}

  private final Executor events;
  private final Sink sink;
  private final int retries;
  private final ArrayDeque<Work> queue = new ArrayDeque<>();
  private final Waiters<Idle> idle = new Waiters<>(NO_DEADLINES, Idle::owner);
  private final Map<Long, Running> running = new HashMap<>();
  private final Map<Long, Map<Long, Boolean>> known = new HashMap<>();
  private final java.util.Set<Long> seen = new java.util.HashSet<>(); // workers that asked once
  private int feeding; // imaps still reading their items
  private boolean closing;
  private boolean stopped;
  private boolean initFailed;

  /**
   * A router that tells {@code sink} through {@code events} what becomes of chunks, and runs a
   * chunk whose worker ended at most {@code retries} more times.
   */
  public PoolState(Executor events, Sink sink, int retries) {
    super(Command.class, timedOut -> NO_DEADLINES);
    this.events = events;
    this.sink = sink;
    this.retries = retries;
  }

  /** Adds {@code work} behind what waits, and hands it to idle workers. */
  public void submit(List<Work> work) {
    locally(out -> {
      if (stopped) {
        throw new IllegalStateException("the pool was terminated");
      }
      queue.addAll(work);
      dispatch(out);
    });
  }

  /** An imap starts reading its items: until it ends, closing stops no worker. */
  public void feedOpened() {
    locally(out -> feeding++);
  }

  /** An imap read its last item. */
  public void feedClosed() {
    locally(out -> {
      feeding--;
      dispatch(out);
    });
  }

  /** No more work comes: each worker stops once nothing is left to run. */
  public void close() {
    locally(out -> {
      closing = true;
      dispatch(out);
    });
  }

  /** Drops the work not started and stops every worker at its next request. */
  public List<Work> stop() {
    List<Work> dropped = new ArrayList<>();
    locally(out -> {
      stopped = true;
      dropped.addAll(queue);
      queue.clear();
      for (Running r : running.values()) {
        dropped.add(r.work());
      }
      running.clear();
      dispatch(out);
    });
    return dropped;
  }

  /**
   * Worker {@code worker} ended ({@code why} says how): the chunk it ran goes to another worker,
   * or is reported lost when it has no retry left.
   */
  public void workerEnded(long worker, String why) {
    locally(out -> {
      idle.removeIf(w -> w.worker() == worker);
      known.remove(worker);
      for (Iterator<Running> it = running.values().iterator(); it.hasNext(); ) {
        Running r = it.next();
        if (r.worker() != worker) {
          continue;
        }
        it.remove();
        Work w = r.work();
        if (w.attempts() < retries && !stopped) {
          queue.addFirst(new Work(w.chunk(), w.function(), w.code(), w.args(), w.attempts() + 1));
        } else {
          events.execute(() -> sink.lost(w.chunk(), why));
        }
      }
      dispatch(out);
    });
  }

  /**
   * Waits until {@code n} workers asked for work (or said their initializer raised), at most
   * {@code timeout}; false when they did not in time.
   */
  public synchronized boolean awaitWorkers(int n, java.time.Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (seen.size() < n && !stopped && !initFailed) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  /** Whether a worker's initializer raised: then the pool runs nothing more. */
  public synchronized boolean broken() {
    return initFailed;
  }

  /** How many chunks wait for a worker. */
  public synchronized int queued() {
    return queue.size();
  }

  @Override
  protected void handle(Command c, Replier to, Peer from, Answers out) {
    if (seen.add(c instanceof Next n0 ? n0.worker() : ((InitFailed) c).worker())) {
      notifyAll(); // one more worker is ready (or broken): see awaitWorkers
    }
    if (c instanceof Next n) {
      if (n.done() != 0) {
        Running r = running.remove(n.done());
        if (r != null) { // else its worker was given up for ended, and the chunk went elsewhere
          long chunk = n.done();
          byte[] results = n.results();
          events.execute(n.failed() ? () -> sink.failed(chunk, results)
              : () -> sink.done(chunk, results));
        }
      }
      if (n.retiring() || stopped || initFailed) {
        out.add(to, new Reply.No(n.id()));
        return;
      }
      idle.add(n.id(), new Idle(n.id(), to, from, n.worker()), -1);
      dispatch(out);
    } else if (c instanceof InitFailed f) {
      if (!initFailed) {
        initFailed = true;
        byte[] failure = f.failure();
        events.execute(() -> sink.initFailed(failure));
      }
      out.add(to, new Reply.Ok(f.id()));
      dispatch(out);
    }
  }

  /** Gives waiting work to idle workers; stops idle workers when no work will come. */
  private void dispatch(Answers out) {
    while (!queue.isEmpty() && !idle.isEmpty() && !stopped && !initFailed) {
      Idle w = idle.takeFirst();
      Work work = queue.pollFirst();
      running.put(work.chunk(), new Running(work, w.worker()));
      Map<Long, Boolean> has = known.computeIfAbsent(w.worker(), k -> functionCache());
      boolean held = has.get(work.function()) != null; // a hit counts as a use, as the worker's
      if (!held) {
        has.put(work.function(), Boolean.TRUE);
      }
      out.add(w.to(), new Reply.Answer(w.id(),
          new Chunk(work.chunk(), work.function(), held ? null : work.code(), work.args())));
    }
    if ((closing && queue.isEmpty() && feeding == 0) || stopped || initFailed) {
      for (Idle w : idle.takeAll()) {
        out.add(w.to(), new Reply.No(w.id()));
      }
    }
  }

  /** The functions a worker holds, least recently used first; the worker keeps the same. */
  static <V> Map<Long, V> functionCache() {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, V> eldest) {
        return size() > FUNCTIONS_KEPT;
      }
    };
  }

  @Override
  protected void expired(long id, Answers out) {}

  @Override
  protected void gone(Peer peer, Answers out) {
    idle.dropOwner(peer); // its chunk, if any, is the pool's to give up once its process ended
  }
}
