package io.multiproc.internal.pool;

import io.multiproc.PicklingError;
import io.multiproc.ProcessError;
import io.multiproc.internal.sync.Reply;
import io.multiproc.internal.sync.SharedRef;
import io.multiproc.internal.wire.Reducer;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * INTERNAL API. What a pool's worker process runs: its initializer once, then chunk after chunk
 * as the router hands them out, each answer carrying the results of the chunk before. It stops
 * when the router says so, or after {@code maxTasks} chunks (then the pool starts another).
 */
public final class PoolWorker {

  /**
   * A worker's orders: its router, its number there, its initializer (null: none) and how many
   * chunks it runs before it retires (0: no limit).
   */
  public record Spec(SharedRef<PoolState.Command> router, long worker, Invoker initializer,
      int maxTasks) implements Serializable {}

  /**
   * What a task or an initializer raised, as the pool's JVM gets it: the exception itself when it
   * can be sent (else null, and its type and message), its stack trace as text, and where it
   * was raised.
   */
  public record Failure(Throwable error, String type, String message, String trace,
      String worker, long pid) implements Serializable {}

  private PoolWorker() {}

  /** Runs the worker of {@code spec} until the router stops it; the process's target. */
  public static void run(Spec spec) {
    SharedRef<PoolState.Command> router = spec.router();
    if (spec.initializer() != null) {
      try {
        spec.initializer().call(new Object[0]);
      } catch (Throwable t) {
        byte[] failure = failure(t);
        router.ask((id, to) -> new PoolState.InitFailed(id, spec.worker(), failure, to), null);
        return;
      }
    }
    Map<Long, Invoker> functions = PoolState.functionCache();
    long done = 0;
    byte[] results = null;
    boolean failed = false;
    int ran = 0;
    while (true) {
      long d = done;
      byte[] r = results;
      boolean f = failed;
      boolean retiring = spec.maxTasks() > 0 && ran >= spec.maxTasks();
      Reply answer;
      try {
        answer = router.ask((id, to) -> new PoolState.Next(id, spec.worker(), d, r, f,
            retiring, to), null);
      } catch (ProcessError e) {
        return; // terminated (a thread is interrupted), or the pool's JVM is gone
      }
      if (!(answer instanceof Reply.Answer a)) {
        return; // stopped, or retired
      }
      PoolState.Chunk chunk = (PoolState.Chunk) a.value();
      try {
        Invoker fn = chunk.code() != null ? (Invoker) Reducer.get().loads(chunk.code())
            : functions.get(chunk.function());
        if (chunk.code() != null) {
          functions.put(chunk.function(), fn);
        }
        if (fn == null) {
          throw new IllegalStateException("the pool sent chunk " + chunk.chunk()
              + " without its function, which this worker does not hold");
        }
        results = encode(runAll(fn, chunk)); // a result that cannot be sent fails its chunk
        failed = false;
      } catch (Throwable t) {
        results = failure(t);
        failed = true;
      }
      done = chunk.chunk();
      ran++;
    }
  }

  private static List<Object> runAll(Invoker fn, PoolState.Chunk chunk) throws Exception {
    Items.Rows rows = Items.decodeArgs(chunk.args());
    List<Object> out = new ArrayList<>(rows.count());
    Object[] a = new Object[rows.arity()]; // the invoker spreads it and keeps nothing of it
    for (int i = 0; i < rows.count(); i++) {
      System.arraycopy(rows.values(), i * a.length, a, 0, a.length);
      out.add(fn.call(a));
    }
    return out;
  }

  private static byte[] encode(List<Object> results) {
    try {
      return Items.encodeResults(results);
    } catch (PicklingError e) {
      throw new PicklingError("a result cannot be sent back to the pool: " + e.getMessage(), e);
    }
  }

  /** Encodes {@code t} for the pool's JVM; as text alone when the exception cannot be sent. */
  static byte[] failure(Throwable t) {
    StringWriter trace = new StringWriter();
    t.printStackTrace(new PrintWriter(trace));
    String worker = SharedRef.caller();
    long pid = ProcessHandle.current().pid();
    try {
      return Reducer.get().dumps(new Failure(t, t.getClass().getName(), t.getMessage(),
          trace.toString(), worker, pid));
    } catch (RuntimeException e) {
      return Reducer.get().dumps(new Failure(null, t.getClass().getName(), t.getMessage(),
          trace.toString(), worker, pid));
    }
  }
}
