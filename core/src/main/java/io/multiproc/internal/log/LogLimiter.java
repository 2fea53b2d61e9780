package io.multiproc.internal.log;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * INTERNAL API. Decides which of many similar log lines are written: at most {@code perKey} of
 * one kind (a key: where it comes from and what it says) and {@code overall} of all kinds per
 * window; the rest are counted, and the count is reported once ({@link #drain()}) instead of
 * each line. So nothing a peer does can make a JVM write its log without bound.
 *
 * <p>Thread-safe; it keeps at most {@link #MAX_KEYS} kinds at once (beyond, new kinds share one).
 */
public final class LogLimiter {
  /** How many kinds of line are told apart at once; a flood of ever new kinds shares one. */
  static final int MAX_KEYS = 256;
  private static final String OTHER = "(other messages)";

  /** Lines of one kind suppressed in a window that ended. */
  public record Suppressed(String sample, long count) {}

  private final int perKey;
  private final int overall;
  private final long windowNanos;
  private final Map<String, Window> kinds = new HashMap<>();
  private long overallStart = System.nanoTime();
  private int overallCount;

  private static final class Window {
    final String sample;
    long start;
    int count;
    long suppressed;

    Window(String sample, long start) {
      this.sample = sample;
      this.start = start;
    }
  }

  /** Admits {@code perKey} lines of a kind and {@code overall} in all per {@code window}. */
  public LogLimiter(int perKey, int overall, Duration window) {
    if (perKey < 1 || overall < perKey || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("a log limit needs perKey >= 1, overall >= perKey and"
          + " a positive window");
    }
    this.perKey = perKey;
    this.overall = overall;
    this.windowNanos = window.toNanos();
  }

  /**
   * Whether a line of kind {@code key} may be written now. {@code sample} describes the kind in a
   * later summary. Returns -1 when the line is to be suppressed (it is counted), else how many
   * lines of its kind were suppressed before it and not yet reported (0 as a rule).
   */
  public synchronized long admit(String key, String sample) {
    long now = System.nanoTime();
    Window w = kinds.get(key);
    if (w == null) {
      if (kinds.size() >= MAX_KEYS) {
        key = OTHER;
        w = kinds.get(OTHER);
      }
      if (w == null) {
        w = new Window(key == OTHER ? OTHER : sample, now);
        kinds.put(key, w);
      }
    }
    if (now - w.start >= windowNanos) {
      w.start = now;
      w.count = 0;
    }
    if (now - overallStart >= windowNanos) {
      overallStart = now;
      overallCount = 0;
    }
    if (w.count >= perKey || overallCount >= overall) {
      w.suppressed++;
      return -1;
    }
    w.count++;
    overallCount++;
    long before = w.suppressed;
    w.suppressed = 0;
    return before;
  }

  /**
   * The kinds with lines suppressed since the last call (and not reported by {@link #admit}),
   * with how many; their counts are reset. Kinds idle for a whole window are forgotten. For a
   * summary written about once a window.
   */
  public synchronized List<Suppressed> drain() {
    long now = System.nanoTime();
    List<Suppressed> out = new ArrayList<>();
    for (Iterator<Window> it = kinds.values().iterator(); it.hasNext(); ) {
      Window w = it.next();
      if (w.suppressed > 0) {
        out.add(new Suppressed(w.sample, w.suppressed));
        w.suppressed = 0;
      } else if (now - w.start >= windowNanos) {
        it.remove();
      }
    }
    return out;
  }
}
