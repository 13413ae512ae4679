package io.github.tencentci.camel.resilience;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Captures every log event of the given loggers at the given level, with the messages and stack traces of their
 * exceptions, until closed (which restores the previous levels).
 */
public final class LogCapture extends AbstractAppender implements AutoCloseable {

    private final List<String> lines = new ArrayList<>();
    private final List<LogEvent> events = new ArrayList<>();
    private final Map<String, Level> previous;

    private LogCapture(Level level, String... loggers) {
        super("capture", null, null, true, Property.EMPTY_ARRAY);
        LoggerContext context = (LoggerContext) org.apache.logging.log4j.LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        previous = new java.util.HashMap<>();
        start();
        for (String name : loggers) {
            LoggerConfig existing = config.getLoggerConfig(name);
            previous.put(name, existing.getName().equals(name) ? existing.getLevel() : null);
            Configurator.setLevel(name, level);
            config.getLoggerConfig(name).addAppender(this, level, null);
        }
        context.updateLoggers();
    }

    public static LogCapture of(Level level, String... loggers) {
        return new LogCapture(level, loggers);
    }

    @Override
    public synchronized void append(LogEvent event) {
        StringBuilder line = new StringBuilder().append(event.getLevel()).append(' ').append(event.getLoggerName())
                .append(" - ").append(event.getMessage().getFormattedMessage());
        if (event.getThrown() != null) {
            StringWriter trace = new StringWriter();
            event.getThrown().printStackTrace(new PrintWriter(trace));
            line.append('\n').append(trace);
        }
        lines.add(line.toString());
        events.add(event.toImmutable());
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    public synchronized List<String> linesContaining(String text) {
        return lines.stream().filter(l -> l.contains(text)).collect(Collectors.toList());
    }

    public synchronized String all() {
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) org.apache.logging.log4j.LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        for (Map.Entry<String, Level> e : previous.entrySet()) {
            config.getLoggerConfig(e.getKey()).removeAppender(getName());
            if (e.getValue() != null) {
                Configurator.setLevel(e.getKey(), e.getValue());
            } else {
                config.removeLogger(e.getKey());
            }
        }
        context.updateLoggers();
        stop();
    }
}
