package io.multiproc.internal.log;

import java.time.Duration;
import org.apache.pekko.actor.AbstractActorWithTimers;
import org.apache.pekko.dispatch.RequiresMessageQueue;
import org.apache.pekko.event.DummyClassForStringSources;
import org.apache.pekko.event.LogMarker;
import org.apache.pekko.event.Logging;
import org.apache.pekko.event.LoggerMessageQueueSemantics;
import org.apache.pekko.event.slf4j.Slf4jLogMarker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * INTERNAL API. The logger of multiproc's ActorSystem (in place of Pekko's Slf4jLogger): it
 * writes Pekko's log events to SLF4J, but of warnings and errors that repeat (the same source
 * and message, numbers aside) only the first {@value #PER_KIND} in {@value #WINDOW_SECONDS} s, and
 * at most {@value #OVERALL} of all kinds; the rest are counted, and each window the counts go out
 * as one line per kind. Info and debug, off unless asked for, pass unlimited.
 *
 * <p>So even a peer that makes Pekko warn in a loop costs the log a few lines a window.
 */
public final class LimitedSlf4jLogger extends AbstractActorWithTimers
    implements RequiresMessageQueue<LoggerMessageQueueSemantics> {
  static final int PER_KIND = 5;
  static final int OVERALL = 50;
  static final int WINDOW_SECONDS = 10;
  private static final int TEMPLATE_CHARS = 120;
  private static final Logger SELF = LoggerFactory.getLogger(LimitedSlf4jLogger.class);
  private static final Object TICK = "tick";

  private final LogLimiter limiter =
      new LogLimiter(PER_KIND, OVERALL, Duration.ofSeconds(WINDOW_SECONDS));

  @Override
  public Receive createReceive() {
    return receiveBuilder()
        .match(Logging.InitializeLogger.class, init -> {
          getTimers().startTimerWithFixedDelay(TICK, TICK, Duration.ofSeconds(WINDOW_SECONDS));
          getSender().tell(Logging.loggerInitialized(), getSelf());
        })
        .match(Logging.Error.class, this::error)
        .match(Logging.Warning.class, this::warning)
        .match(Logging.Info.class, e -> withMdc(e,
            () -> logger(e).info(marker(e), "{}", e.message())))
        .match(Logging.Debug.class, e -> withMdc(e,
            () -> logger(e).debug(marker(e), "{}", e.message())))
        .matchEquals(TICK, t -> summarise())
        .build();
  }

  private void error(Logging.Error e) {
    String text = e.message() != null ? e.message().toString()
        : e.cause() == null ? null : e.cause().getLocalizedMessage();
    if (!admitted("E", e, text)) {
      return;
    }
    Throwable cause = e.cause() == Logging.noCause() ? null : e.cause();
    withMdc(e, () -> {
      if (cause == null) {
        logger(e).error(marker(e), text);
      } else {
        logger(e).error(marker(e), text, cause);
      }
    });
  }

  private void warning(Logging.Warning e) {
    Throwable cause = e instanceof Logging.LogEventWithCause c ? c.cause() : null;
    String text = e.message() != null ? e.message().toString()
        : cause == null ? null : cause.getLocalizedMessage();
    if (!admitted("W", e, text)) {
      return;
    }
    withMdc(e, () -> {
      if (cause == null) {
        logger(e).warn(marker(e), text);
      } else {
        logger(e).warn(marker(e), text, cause);
      }
    });
  }

  /** Whether the event may be written; says first how many like it were suppressed, if any. */
  private boolean admitted(String level, Logging.LogEvent e, String text) {
    String template = text == null ? "" : text.length() > TEMPLATE_CHARS
        ? text.substring(0, TEMPLATE_CHARS) : text;
    String key = level + ' ' + loggerName(e) + ' ' + digitless(e.logSource()) + ' '
        + digitless(template);
    long suppressedBefore = limiter.admit(key, "[" + loggerName(e) + "] " + template);
    if (suppressedBefore > 0) {
      logger(e).warn("{} more messages like the next were suppressed", suppressedBefore);
    }
    return suppressedBefore >= 0;
  }

  private void summarise() {
    for (LogLimiter.Suppressed s : limiter.drain()) {
      SELF.warn("{} more messages like this were suppressed in the last {} s: {}", s.count(),
          WINDOW_SECONDS, s.sample());
    }
  }

  /** The text with its numbers taken out: lines that differ in a count or port are one kind. */
  private static String digitless(String s) {
    return s == null ? "" : s.replaceAll("[0-9]+", "#");
  }

  private static String loggerName(Logging.LogEvent e) {
    return e.logClass() == DummyClassForStringSources.class ? e.logSource()
        : e.logClass().getName();
  }

  private static Logger logger(Logging.LogEvent e) {
    return LoggerFactory.getLogger(loggerName(e));
  }

  private static Marker marker(Logging.LogEvent e) {
    if (!(e instanceof Logging.LogEventWithMarker m) || m.marker() == null) {
      return null;
    }
    LogMarker marker = m.marker();
    return marker instanceof Slf4jLogMarker s ? s.marker() : MarkerFactory.getMarker(marker.name());
  }

  /** Runs {@code log} with the MDC entries Pekko's own Slf4jLogger sets that a pattern may use. */
  private void withMdc(Logging.LogEvent e, Runnable log) {
    MDC.put("pekkoSource", e.logSource());
    MDC.put("sourceThread", e.thread().getName());
    MDC.put("sourceActorSystem", getContext().getSystem().name());
    try {
      log.run();
    } finally {
      MDC.clear();
    }
  }
}
