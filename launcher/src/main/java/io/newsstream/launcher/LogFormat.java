package io.newsstream.launcher;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

import java.net.URL;
import java.util.Locale;
import java.util.Objects;

/**
 * How log lines look: {@link #TEXT}, one concise line for people (the default), or {@link #JSON},
 * one JSON object per line for log collectors (logback's own {@code JsonEncoder}: timestamp,
 * level, threadName, loggerName, formattedMessage, mdc, throwable).
 *
 * <p>{@code logback.xml} includes {@code logback-text.xml} or {@code logback-json.xml}, as the
 * system property {@value #PROPERTY} says; each defines the one appender, {@value #APPENDER}. {@link #apply()} sets that
 * property from {@code --log-format} (or {@code NEWSSTREAM_LOG_FORMAT}, or {@code log-format=} in
 * the {@code NEWSSTREAM_CONFIG} file) before a command runs. Logback configures itself on the
 * first logger anyone asks for, which may be before the flag is parsed; {@link #apply()} then
 * configures it again from {@code logback.xml}, so that no line of the command comes out in the
 * other format. A configuration of the user's own ({@code -Dlogback.configurationFile}) is left
 * alone unless JSON is asked for.
 */
enum LogFormat {
    TEXT,
    JSON;

    /** The system property {@code logback.xml} reads to choose the appender. */
    static final String PROPERTY = "newsstream.log.format";

    /** The appender both format files define. */
    static final String APPENDER = "console";

    /** The value of {@value #PROPERTY} that selects this format's file. */
    String propertyValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Makes this the format of every line logged from now on. */
    void apply() {
        System.setProperty(PROPERTY, propertyValue());
        // Asking for the factory configures logback if nothing has yet, with the property already set.
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another SLF4J binding, configured its own way
        }
        final Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        final boolean jsonNow = root.getAppender(APPENDER) instanceof OutputStreamAppender<?> appender
                && appender.getEncoder() instanceof JsonEncoder;
        if (this == JSON ? !jsonNow : jsonNow) {
            configure(context, Objects.requireNonNull(LogFormat.class.getResource("/logback.xml"), "logback.xml"));
        }
    }

    /** Reads {@code text} or {@code json} in any case, for picocli, whatever the command line's enum settings. */
    static final class Converter implements CommandLine.ITypeConverter<LogFormat> {
        @Override
        public LogFormat convert(final String value) {
            for (LogFormat format : values()) {
                if (format.name().equalsIgnoreCase(value.strip())) {
                    return format;
                }
            }
            throw new CommandLine.TypeConversionException("expected text or json, was '" + value + "'");
        }
    }

    /** Replaces logback's configuration with the one at {@code config}. */
    static void configure(final LoggerContext context, final URL config) {
        context.reset();
        final JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            throw new IllegalStateException("cannot configure logging from " + config, e);
        }
    }
}
