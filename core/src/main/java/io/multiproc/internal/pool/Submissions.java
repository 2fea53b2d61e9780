package io.multiproc.internal.pool;

import io.multiproc.ProcessError;
import io.multiproc.internal.wire.Reducer;
import java.util.ArrayList;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
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
  private final Map<Object, Encoded> once = new WeakHashMap<>(); // guarded by itself

  /** Submissions to {@code state}, whose chunks {@code jobs} follows. */
  public Submissions(PoolState state, Jobs jobs) {
    this.state = state;
    this.jobs = jobs;
  }

  /**
   * Hands {@code job}'s items to the router, {@code chunksize} per chunk, to run {@code fn}, the
   * invoker of the user's {@code task}: a task that captures nothing is encoded once, and its
   * workers decode it once. An item is its argument when {@code arity} is 1, else an
   * {@code Object[]} of {@code arity} arguments.
   */
  public void submit(Jobs.Job job, Object task, Invoker fn, List<?> args, int arity,
      int chunksize) {
    Encoded f = encoded(task, fn);
    List<byte[]> parts = new ArrayList<>();
    for (int i = 0; i < args.size(); i += chunksize) {
      parts.add(Items.encodeArgs(args.subList(i, Math.min(args.size(), i + chunksize)), arity));
    }
    List<PoolState.Work> work = new ArrayList<>();
    for (int c = 0; c < parts.size(); c++) {
      work.add(new PoolState.Work(jobs.add(job, c), f.id(), f.code(), parts.get(c), 0));
    }
    state.submit(work);
  }

  private record Encoded(long id, byte[] code) {}

  private Encoded encoded(Object task, Invoker fn) {
    if (!stateless(task)) { // what it captured may have changed since: encoded afresh
      return new Encoded(Jobs.nextId(), Reducer.get().dumps(fn));
    }
    synchronized (once) {
      Encoded e = once.get(task);
      if (e == null) {
        e = new Encoded(Jobs.nextId(), Reducer.get().dumps(fn));
        once.put(task, e);
      }
      return e;
    }
  }

  /** A method reference or lambda that captured nothing: its class has no instance field. */
  private static boolean stateless(Object task) {
    for (Field f : task.getClass().getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Starts reading {@code items} for {@code job}, {@code chunksize} per chunk, on a thread of its
   * own that waits whenever the job has read far enough ahead; {@code fn} invokes {@code task}.
   */
  public void stream(StreamJob job, Object task, Invoker fn, Iterator<?> items, int chunksize) {
    Encoded f = encoded(task, fn);
    streams.add(job);
    state.feedOpened();
    Thread feeder = new Thread(() -> feed(job, items, f.id(), f.code(), chunksize),
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
        ArrayList<Object> part = new ArrayList<>(chunksize);
        try {
          while (part.size() < chunksize && it.hasNext()) {
            part.add(it.next());
          }
        } catch (RuntimeException e) {
          raised = e; // raised by the iterable: the caller gets it as itself, after the rest
        }
        if (part.isEmpty() || !job.reserve()) {
          break;
        }
        state.submit(List.of(new PoolState.Work(jobs.add(job, index), function, code,
            Items.encodeArgs(part, 1), 0)));
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
