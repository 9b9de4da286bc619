package de.kkb.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * Everything written to the log while it is open, as the log file would show it: message,
 * logger, MDC, and every exception in the chain with its message (causes and suppressed ones).
 * It sees what the configured levels let through.
 *
 * <p>Spring Boot stops and resets Logback when a platform starts, which removes every appender
 * added by hand; a platform started with {@link #SPRING_CONFIG} as {@code logging.config} gets
 * Spring Boot's own configuration plus a {@link Forwarder} to the open capture, so its start is
 * captured too.
 */
public final class CapturedLog extends AppenderBase<ILoggingEvent> implements AutoCloseable {

  /** The property that makes a platform's Logback forward to the open capture. */
  public static final String SPRING_CONFIG = "logging.config=classpath:logback-captured.xml";

  private static volatile CapturedLog open;

  /** One log event, rendered. */
  public record Line(Level level, String logger, String text) {
    @Override
    public String toString() {
      return level + " " + logger + ": " + text;
    }
  }

  /** The appender {@code logback-captured.xml} names: hands every event to the open capture. */
  public static final class Forwarder extends AppenderBase<ILoggingEvent> {
    @Override
    protected void append(ILoggingEvent event) {
      CapturedLog capture = open;
      if (capture != null) {
        capture.append(event);
      }
    }
  }

  private final List<Line> lines = new ArrayList<>();
  private final LoggerContext context;

  private CapturedLog(LoggerContext context) {
    this.context = context;
  }

  /** Starts capturing from the root logger (until Logback is configured anew, see above). */
  public static CapturedLog open() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    CapturedLog log = new CapturedLog(context);
    log.setContext(context);
    log.setName("kkb-captured-log");
    log.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    boolean forwarded = false;
    for (var appenders = root.iteratorForAppenders(); appenders.hasNext(); ) {
      forwarded |= appenders.next() instanceof Forwarder;
    }
    if (!forwarded) {
      root.addAppender(log);
    }
    open = log;
    return log;
  }

  @Override
  protected void append(ILoggingEvent event) {
    StringBuilder text = new StringBuilder(String.valueOf(event.getFormattedMessage()));
    Map<String, String> mdc = event.getMDCPropertyMap();
    if (mdc != null && !mdc.isEmpty()) {
      text.append(" MDC").append(mdc);
    }
    throwable(event.getThrowableProxy(), text, 0);
    synchronized (lines) {
      lines.add(new Line(event.getLevel(), event.getLoggerName(), text.toString()));
    }
  }

  private static void throwable(IThrowableProxy proxy, StringBuilder text, int depth) {
    if (proxy == null || depth > 20) {
      return;
    }
    text.append("\n  ").append(proxy.getClassName()).append(": ").append(proxy.getMessage());
    throwable(proxy.getCause(), text, depth + 1);
    if (proxy.getSuppressed() != null) {
      for (IThrowableProxy suppressed : proxy.getSuppressed()) {
        throwable(suppressed, text, depth + 1);
      }
    }
  }

  public List<Line> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  @Override
  public void close() {
    open = null;
    ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
    stop();
  }
}
