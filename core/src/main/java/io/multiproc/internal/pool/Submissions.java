package io.multiproc.internal.pool;

import io.multiproc.ProcessError;
import io.multiproc.internal.wire.Reducer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * INTERNAL API. How the pool's calls become chunks for the router: encoded in the caller's
 * thread first, so that what cannot be sent fails there and nothing of it was sent; an imap's
 * items read by a thread of its own, a bounded amount ahead of the caller.
 */
public final class Submissions {
  private final PoolState state;
  private final Jobs jobs;
  private final Set<StreamJob> streams = ConcurrentHashMap.newKeySet();

  /** Submissions to {@code state}, whose chunks {@code jobs} follows. */
  public Submissions(PoolState state, Jobs jobs) {
    this.state = state;
    this.jobs = jobs;
  }

  /** Hands {@code job}'s items to the router, {@code chunksize} per chunk, to run {@code fn}. */
  public void submit(Jobs.Job job, Invoker fn, List<Object[]> args, int chunksize) {
    byte[] code = Reducer.get().dumps(fn);
    List<byte[]> parts = new ArrayList<>();
    for (int i = 0; i < args.size(); i += chunksize) {
      parts.add(Reducer.get().dumps(new ArrayList<>(args.subList(i,
          Math.min(args.size(), i + chunksize)))));
    }
    long function = Jobs.nextId();
    List<PoolState.Work> work = new ArrayList<>();
    for (int c = 0; c < parts.size(); c++) {
      work.add(new PoolState.Work(jobs.add(job, c), function, code, parts.get(c), 0));
    }
    state.submit(work);
  }

  /**
   * Starts reading {@code items} for {@code job}, {@code chunksize} per chunk, on a thread of its
   * own that waits whenever the job has read far enough ahead.
   */
  public void stream(StreamJob job, Invoker fn, Iterator<?> items, int chunksize) {
    byte[] code = Reducer.get().dumps(fn);
    long function = Jobs.nextId();
    streams.add(job);
    state.feedOpened();
    Thread feeder = new Thread(() -> feed(job, items, function, code, chunksize),
        "multiproc-pool-feeder");
    feeder.setDaemon(true);
    feeder.start();
  }

  /** Whether an imap still reads its items. */
  public boolean feeding() {
    return !streams.isEmpty();
  }

  /** Stops every imap's reading; their callers get {@code why} after what came. */
  public void cancelAll(RuntimeException why) {
    streams.forEach(s -> s.cancel(why));
  }

  private void feed(StreamJob job, Iterator<?> it, long function, byte[] code, int chunksize) {
    RuntimeException raised = null;
    try {
      for (int index = 0; raised == null; index++) {
        ArrayList<Object[]> part = new ArrayList<>(chunksize);
        try {
          while (part.size() < chunksize && it.hasNext()) {
            part.add(new Object[] {it.next()});
          }
        } catch (RuntimeException e) {
          raised = e; // raised by the iterable: the caller gets it as itself, after the rest
        }
        if (part.isEmpty() || !job.reserve()) {
          break;
        }
        state.submit(List.of(new PoolState.Work(jobs.add(job, index), function, code,
            Reducer.get().dumps(part), 0)));
      }
    } catch (InterruptedException e) {
      raised = new ProcessError("the pool stopped reading the items", e);
    } catch (RuntimeException e) {
      raised = e;
    } finally {
      job.inputEnded(raised);
      streams.remove(job);
      state.feedClosed();
    }
  }
}
