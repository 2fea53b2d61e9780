package io.multiproc.internal.route;

import io.multiproc.ProcessError;
import io.multiproc.internal.lane.Lane;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * INTERNAL API. The lanes of this JVM for the shared objects whose states push messages nobody
 * asked for (a Lock's recalls and revokes to its lease holder): one per JVM they live in, apart
 * from the lane that queues and the other primitives use, and read all the time by a thread of
 * its own, so a push is handled as it comes, and the queues' lane keeps its callers reading their
 * own answers. The lane's end (the other JVM died) tells the objects' states of this JVM's death
 * at once, and this JVM of theirs.
 */
public final class PushLanes {
  private static final Map<String, Lane> LANES = new ConcurrentHashMap<>();

  private PushLanes() {}

  /**
   * The push lane to the JVM accepting at {@code address}, opened (and
   * its reader started) on first use; null when none can be opened.
   */
  public static Lane to(String address) {
    Lane lane = LANES.get(address);
    if (lane != null) {
      return lane;
    }
    synchronized (LANES) {
      lane = LANES.get(address);
      if (lane == null) {
        lane = Lane.separate(address);
        if (lane == null) {
          return null;
        }
        LANES.put(address, lane);
        Lane opened = lane;
        Thread reader = new Thread(null, () -> read(opened), "multiproc-push-lane",
            256 * 1024);
        reader.setDaemon(true);
        reader.start();
      }
      return lane;
    }
  }

  /** Reads {@code lane} until it ends, handing answers and pushes to whom they are for. */
  private static void read(Lane lane) {
    try {
      // an answer nobody will send: this thread keeps the turn to read, and hands every frame on
      lane.awaitAnswer(Route.nextId(), new CompletableFuture<>(), null);
    } catch (ProcessError e) {
      // the lane ended with its JVM: requests on it fail now, the owner's watch tells the rest
    } catch (InterruptedException | TimeoutException e) {
      // a daemon thread that nothing interrupts, on a wait without a deadline
    }
  }

  /** Waits until everything sent on every push lane was handled; called as a process ends. */
  public static void syncAll() {
    for (Lane lane : LANES.values()) {
      try {
        lane.sync();
      } catch (ProcessError e) {
        // the other JVM ended: nothing more can reach it
      }
    }
  }
}
