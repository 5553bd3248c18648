package org.accessline.web.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.util.List;
import org.accessline.web.config.LogFormat;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sets up logging once the configuration is known: every event to standard error, as one JSON object
 * per line ({@link LogFormat#JSON}) or a readable line ({@link LogFormat#TEXT}), with the node's id
 * on each. Libraries that log through java.util.logging are bridged into the same output. What the
 * gateway logs at info names conversations and calls by id, never a message's text or a phone number.
 */
public final class Logs {
  /** Libraries whose per-start progress is noise; their warnings and errors still show. */
  static final List<String> QUIET_LIBRARIES = List.of("org.flywaydb", "com.hazelcast", "io.netty");
  public static final String NODE_ID = "nodeId";

  private Logs() {}

  public static void configure(LogFormat format, String nodeId) {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    context.putProperty(NODE_ID, nodeId);
    // Without it, every java.util.logging call would build a record only for Logback to drop it.
    LevelChangePropagator levels = new LevelChangePropagator();
    levels.setContext(context);
    levels.setResetJUL(true);
    levels.start();
    context.addListener(levels);

    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("console");
    console.setTarget("System.err");
    console.setEncoder(encoder(format, context));
    console.start();

    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(console);
    for (String library : QUIET_LIBRARIES) context.getLogger(library).setLevel(Level.WARN);
  }

  private static Encoder<ILoggingEvent> encoder(LogFormat format, LoggerContext context) {
    if (format == LogFormat.JSON) {
      JsonEncoder json = new JsonEncoder();
      json.setContext(context);
      // The message with its arguments in place; the bare pattern and the argument list would repeat it.
      json.setWithFormattedMessage(true);
      json.setWithMessage(false);
      json.setWithArguments(false);
      json.setWithSequenceNumber(false);
      json.setWithNanoseconds(false);
      json.start();
      return json;
    }
    PatternLayoutEncoder text = new PatternLayoutEncoder();
    text.setContext(context);
    text.setPattern("%d{HH:mm:ss.SSS} %-5level [%thread] %logger{24} %kvp %msg%n%ex");
    text.start();
    return text;
  }
}
